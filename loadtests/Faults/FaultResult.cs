using System.Text.Json;

namespace Hospital.LoadTests.Faults;

/// <summary>
/// One fault's figures, as the suite's table shows them: holds (201) and payments (200) acknowledged, how many of each
/// the database and the API both show as acknowledged, slots sold twice or over quota, counters not matching their rows,
/// server errors (5xx but 503), 503s and unanswered requests, and the fault's seconds from the start of its servers to
/// the end of its check. <c>Failures</c> says what failed, with evidence; none means the fault passed. <c>Refusals</c>
/// (4xx but sold out, by request kind, status and code) fail nothing, but each patient books once, so a refusal is worth a look:
/// e.g. a hold retried with its Idempotency-Key across a crash answered "already booked".
/// </summary>
public sealed record FaultResult(
    string Fault, int Holds, int Paid, int HoldsFound, int PaidFound, int AcknowledgedBeforeFault, int AcknowledgedAfterFault,
    int Oversold, int CounterMismatches, int ServerErrors, int Unavailable, int Unanswered, double Seconds, IReadOnlyList<string> Failures,
    IReadOnlyDictionary<string, int>? Refusals = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public bool Passed => Failures.Count == 0;

    public Task WriteAsync(string path) => File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Json));

    public static async Task<FaultResult> ReadAsync(string path) =>
        JsonSerializer.Deserialize<FaultResult>(await File.ReadAllTextAsync(path), Json) ?? throw new InvalidDataException($"{path} holds no fault result.");
}
