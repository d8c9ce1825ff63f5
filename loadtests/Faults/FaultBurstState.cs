using System.Text.Json;

namespace Hospital.LoadTests.Faults;

/// <summary>
/// What a fault run's burst hands to its check: the sessions it booked, every acknowledgement, how the requests were
/// answered, and when the fault came (null: the script wrote no fault file).
/// </summary>
public sealed record FaultBurstState(
    string Fault, IReadOnlyList<string> SessionIds, IReadOnlyList<TimedAcknowledgement> Acknowledged, AnswerCounts Answers, DateTimeOffset? FaultAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public int AcknowledgedBeforeFault => FaultAt is { } at ? Acknowledged.Count(a => a.AcknowledgedAt < at) : 0;

    public int AcknowledgedAfterFault => FaultAt is { } at ? Acknowledged.Count(a => a.AcknowledgedAt >= at) : 0;

    public Task WriteAsync(string path) => File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Json));

    public static async Task<FaultBurstState> ReadAsync(string path) =>
        JsonSerializer.Deserialize<FaultBurstState>(await File.ReadAllTextAsync(path), Json)
        ?? throw new InvalidDataException($"{path} holds no fault burst state.");

    /// <summary>The Unix milliseconds a script wrote to a file, or null when it wrote none.</summary>
    public static async Task<DateTimeOffset?> ReadInstantAsync(string? path) =>
        path is not null && File.Exists(path) && long.TryParse((await File.ReadAllTextAsync(path)).Trim(), out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
}
