using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Accounts;
using Hospital.Silo.Storage.Migrations;

namespace Hospital.Api.Infrastructure.Auth;

/// <summary>
/// <c>dotnet run --project src/Api -- create-admin --staff-id ID [--display-name NAME]</c>: creates a hospital admin in the
/// configured database and exits. The password comes from the environment variable <see cref="PasswordVariable"/> or, when
/// unset, from the first line of standard input, never from the command line (which shells and process lists keep).
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";
    public const string PasswordVariable = "HOSPITAL_ADMIN_PASSWORD";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Runs the command; returns the process exit code (0 created, 1 refused, 2 bad usage).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, Func<string?> readPassword, TextWriter output)
    {
        var staffId = Option(args, "--staff-id");
        if (staffId is null)
        {
            await output.WriteLineAsync($"usage: {Name} --staff-id ID [--display-name NAME]; password from ${PasswordVariable} or the first line of stdin");
            return 2;
        }

        await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        try
        {
            var admin = await services.GetRequiredService<StaffDirectory>().CreateAsync(new NewStaffUser(
                staffId, Option(args, "--display-name") ?? "Hospital admin", HospitalRoles.HospitalAdmin, null, null, readPassword()));
            await output.WriteLineAsync($"Created hospital admin '{admin.StaffId}'. Log in at POST /api/staff/login; the password must be changed at first login.");
            return 0;
        }
        catch (InputValidationException invalid)
        {
            foreach (var (field, errors) in invalid.Errors) await output.WriteLineAsync($"{field}: {string.Join(" ", errors)}");
            return 1;
        }
        catch (RuleConflictException conflict)
        {
            await output.WriteLineAsync(conflict.Message);
            return 1;
        }
    }

    /// <summary>The password as the real process reads it: the environment variable, else one line of stdin.</summary>
    public static string? ReadPassword() => Environment.GetEnvironmentVariable(PasswordVariable) ?? Console.In.ReadLine();

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
