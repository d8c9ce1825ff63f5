namespace Hospital.Browser.Tests.Chromium;

/// <summary>
/// The skip rule for browser tests, as for MariaDB's (MariaDbAvailability): skipped, loudly, when Debian's chromium is
/// not installed; never skipped when the environment variable CI=true, so a CI machine without it fails instead of passing.
/// </summary>
public static class ChromiumAvailability
{
    /// <summary>Where Debian's chromium package puts the browser; Playwright's own browser download does not work here.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Why browser tests are skipped in this process, or null when they run.</summary>
    public static string? SkipReason { get; } = SkipReasonFor(Environment.GetEnvironmentVariable("CI"), File.Exists(ExecutablePath));

    /// <summary>The rule itself, for a value of the CI environment variable and whether the browser is installed.</summary>
    public static string? SkipReasonFor(string? ciVariable, bool installed) =>
        installed || string.Equals(ciVariable, "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"CHROMIUM NOT INSTALLED: {ExecutablePath} not found, so this browser test is SKIPPED. "
              + "Install it with `apt-get install chromium fonts-noto-cjk`. With CI=true these tests run and fail instead of being skipped.";
}
