namespace Hospital.Silo.Storage.Resilience;

/// <summary>
/// How long the node waits for the database before it gives up and the caller gets 503 with Retry-After; bound from
/// "Storage:Timeouts" and validated on start (<see cref="StorageTimeoutOptionsValidator"/>). A stalled database must
/// answer callers within seconds, not after the driver's defaults (15 s to connect, 30 s per command). Whole seconds,
/// because that is what the MySQL driver takes. SQLite runs in process and keeps its own busy timeout.
/// </summary>
public sealed class StorageTimeoutOptions
{
    public const string SectionName = "Storage:Timeouts";

    /// <summary>Longest wait to open a connection (MySQL <c>Connection Timeout</c>). Default: 2 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Longest wait for one command of a request or of the batch writer (MySQL <c>Default Command Timeout</c>). A burst's
    /// transaction takes milliseconds, so this is only ever reached by a database that stalls. Default: 2 s.
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// After a command timed out, how long the driver waits for the server to confirm the query was cancelled before it
    /// closes the connection (MySQL <c>Cancellation Timeout</c>). Default: 1 s.
    /// </summary>
    public TimeSpan CancellationTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest wait for one command of the schema migration and of planning, which write megabytes at once and run off
    /// the request path. Default: 120 s.
    /// </summary>
    public TimeSpan BulkCommandTimeout { get; set; } = TimeSpan.FromSeconds(120);

    internal static int Seconds(TimeSpan value) => (int)Math.Ceiling(value.TotalSeconds);
}
