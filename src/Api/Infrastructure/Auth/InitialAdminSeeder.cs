using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Accounts;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Infrastructure.Auth;

/// <summary>
/// Creates the configured first hospital admin while none exists. Runs after the schema migration (which runs while the
/// host is starting) and on every node; the staff id's primary key lets only one of several nodes create it.
/// </summary>
internal sealed partial class InitialAdminSeeder(
    IOptions<InitialAdminOptions> options, IStaffUserStore users, StaffDirectory directory, ILogger<InitialAdminSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value;
        if (string.IsNullOrWhiteSpace(admin.StaffId) || string.IsNullOrEmpty(admin.Password)) return;
        if (await users.AnyHospitalAdminAsync(cancellationToken)) return;
        try
        {
            var created = await directory.CreateAsync(
                new NewStaffUser(admin.StaffId, admin.DisplayName, HospitalRoles.HospitalAdmin, null, null, admin.Password), cancellationToken);
            LogCreated(created.StaffId);
        }
        catch (RuleConflictException)
        {
            // Another node created it a moment ago.
        }
        catch (InputValidationException invalid)
        {
            throw new InvalidOperationException("Auth:InitialAdmin is invalid: " +
                string.Join(" ", invalid.Errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}")));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the initial hospital admin {StaffId} from configuration; the password must be changed at first login")]
    private partial void LogCreated(string staffId);
}
