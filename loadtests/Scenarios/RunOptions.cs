using System.CommandLine;
using Hospital.Silo.Storage;

namespace Hospital.LoadTests.Scenarios;

/// <summary>The command-line options every scenario shares, and how they become <see cref="RunSettings"/>.</summary>
/// <param name="defaultUsers">Concurrent virtual users when --users is not given: each scenario's own typical load.</param>
public sealed class RunOptions(int defaultUsers)
{
    private readonly Option<string> _target = new("--target") { Description = "Base URL of the API (loopback only)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
    private readonly Option<int> _users = new("--users") { Description = "Concurrent virtual users (and connections); in a release burst every patient taps at once and this bounds the requests in flight", DefaultValueFactory = _ => defaultUsers };
    private readonly Option<int> _duration = new("--duration") { Description = "Longest measured phase, seconds", DefaultValueFactory = _ => 60 };
    private readonly Option<int> _requestCap = new("--request-cap") { Description = "Most requests the run may send", DefaultValueFactory = _ => 1_000_000 };
    private readonly Option<int> _ceilingSeconds = new("--ceiling-seconds") { Description = "Seconds spent measuring the HTTP ceiling", DefaultValueFactory = _ => 5 };
    private readonly Option<string?> _staffId = new("--staff-id") { Description = "A hospital admin's staff id, e.g. the API's Auth:InitialAdmin (default: env API_STAFF_ID)" };
    private readonly Option<string?> _staffPassword = new("--staff-password") { Description = "Its password (default: env API_STAFF_PASSWORD)" };
    private readonly Option<string?> _staffInitialPassword = new("--staff-initial-password")
        { Description = "Its initial password, changed to --staff-password at the first login (default: env API_STAFF_INITIAL_PASSWORD)" };
    private readonly Option<StorageProvider> _provider = new("--provider") { Description = "Database of the API: Sqlite or MySql", DefaultValueFactory = _ => StorageProvider.Sqlite };
    private readonly Option<string?> _connectionString = new("--connection-string") { Description = "Database to check consistency in (none: no check)" };
    private readonly Option<string?> _results = new("--results") { Description = "JSON results file to write" };
    private readonly Option<string> _backend = new("--backend") { Description = "Label of the backend in the report", DefaultValueFactory = _ => "sqlite" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _target, _users, _duration, _requestCap, _ceilingSeconds, _staffId, _staffPassword, _staffInitialPassword, _provider, _connectionString, _results, _backend })
            command.Options.Add(option);
    }

    public RunSettings Read(ParseResult result) => new(
        new Uri(result.GetValue(_target)!),
        Positive(result.GetValue(_users), "--users"),
        TimeSpan.FromSeconds(Positive(result.GetValue(_duration), "--duration")),
        Positive(result.GetValue(_requestCap), "--request-cap"),
        Staff(result),
        result.GetValue(_provider),
        result.GetValue(_connectionString),
        result.GetValue(_results),
        result.GetValue(_backend)!,
        TimeSpan.FromSeconds(Positive(result.GetValue(_ceilingSeconds), "--ceiling-seconds")));

    private StaffCredentials? Staff(ParseResult result)
    {
        var staffId = result.GetValue(_staffId) ?? Environment.GetEnvironmentVariable("API_STAFF_ID");
        var password = result.GetValue(_staffPassword) ?? Environment.GetEnvironmentVariable("API_STAFF_PASSWORD");
        return staffId is null || password is null
            ? null
            : new StaffCredentials(staffId, result.GetValue(_staffInitialPassword) ?? Environment.GetEnvironmentVariable("API_STAFF_INITIAL_PASSWORD") ?? password, password);
    }

    internal static int Positive(int value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
}
