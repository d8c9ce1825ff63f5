using System.Diagnostics;
using System.Text.RegularExpressions;
using Hospital.TestSupport;

namespace Hospital.Api.Tests.Readme;

/// <summary>
/// README's "From nothing to a paid booking" works as written: scripts/readme-walkthrough.sh runs its commands word for word
/// against the API started by <c>dotnet run</c> on a fresh database, here on a host whose zone is neither the hospital's nor UTC.
/// </summary>
public sealed partial class ReadmeWalkthroughTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [WalkthroughFact]
    public async Task Walkthrough_RunWordForWord_EndsWithABookedAppointmentInTheHospitalsZone()
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(RepositoryRoot.Path, "scripts", "readme-walkthrough.sh") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["BUILD"] = "0", ["CONFIGURATION"] = Configuration, ["TZ"] = "America/Los_Angeles" },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The walkthrough did not end within 5 minutes: {await stdout}{await stderr}");
        }
        var output = await stdout;

        Assert.True(process.ExitCode == 0, $"{output}\n{await stderr}");
        Assert.Contains("\"status\":\"Booked\"", output);
        Assert.All(Instant().Matches(output), instant => Assert.EndsWith("+08:00", instant.Value));
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex Instant();
}
