namespace Hospital.TestSupport.MariaDb;

/// <summary>
/// The skip rule for MariaDB tests: skipped, loudly, when mariadbd is not on PATH;
/// never skipped when the environment variable CI=true, so a CI machine without MariaDB fails instead of passing.
/// </summary>
public static class MariaDbAvailability
{
    /// <summary>Why MariaDB tests are skipped in this process, or null when they run.</summary>
    public static string? SkipReason { get; } =
        SkipReasonFor(Environment.GetEnvironmentVariable("CI"), Environment.GetEnvironmentVariable("PATH"));

    /// <summary>The rule itself, for the given values of the CI and PATH environment variables.</summary>
    public static string? SkipReasonFor(string? ciVariable, string? pathVariable) =>
        string.Equals(ciVariable, "true", StringComparison.OrdinalIgnoreCase) || IsOnPath("mariadbd", pathVariable)
            ? null
            : "MariaDB not installed: mariadbd not found on PATH, so this MariaDB test is SKIPPED. "
              + "Install it with `apt-get install mariadb-server` (mariadbd lives in /usr/sbin; put that on PATH). "
              + "With CI=true these tests run and fail instead of being skipped.";

    private static bool IsOnPath(string executable, string? pathVariable) =>
        (pathVariable ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, executable)));
}
