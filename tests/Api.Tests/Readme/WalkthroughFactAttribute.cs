namespace Hospital.Api.Tests.Readme;

/// <summary>
/// A fact that needs bash, curl and setsid (the walkthrough's tools): skipped, loudly, without them; never skipped when
/// CI=true, so a CI machine without them fails instead of passing (as MariaDB's and the browser's tests do).
/// </summary>
public sealed class WalkthroughFactAttribute : FactAttribute
{
    private static readonly string[] Tools = ["bash", "curl", "setsid", "dotnet"];

    public WalkthroughFactAttribute() => Skip = SkipReason;

    public static string? SkipReason { get; } = SkipReasonFor(Environment.GetEnvironmentVariable("CI"), Environment.GetEnvironmentVariable("PATH"));

    public static string? SkipReasonFor(string? ciVariable, string? pathVariable)
    {
        var missing = Tools.Where(tool => !(pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, tool)))).ToList();
        return missing.Count == 0 || string.Equals(ciVariable, "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"README WALKTHROUGH SKIPPED: {string.Join(", ", missing)} not found on PATH. With CI=true this test runs and fails instead of being skipped.";
    }
}
