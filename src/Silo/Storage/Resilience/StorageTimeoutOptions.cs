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
    /// closes the connection (MySQL <c>Cancellation Timeout</c>). Default: zero, which closes the connection at once
    /// without asking: a stalled server answers no cancellation either, and asking added its wait to every timed-out
    /// command (the first 503 of an outage waits for two: the write, then the pool's reload). The server rolls back what
    /// the connection had not committed when it sees it closed; a row lock it waits for gives up after 1 s, as every
    /// transaction begins with that lock wait timeout (<see cref="MySql.MySqlDialect.BeginTransaction"/>).
    /// </summary>
    public TimeSpan CancellationTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Longest wait for one command of the schema migration and of planning, which write megabytes at once and run off
    /// the request path. Default: 120 s.
    /// </summary>
    public TimeSpan BulkCommandTimeout { get; set; } = TimeSpan.FromSeconds(120);

    internal static int Seconds(TimeSpan value) => (int)Math.Ceiling(value.TotalSeconds);

    /// <summary>The driver's Cancellation Timeout: -1 is its "do not cancel on the server, close at once".</summary>
    internal int DriverCancellationTimeout => CancellationTimeout == TimeSpan.Zero ? -1 : Seconds(CancellationTimeout);
}
