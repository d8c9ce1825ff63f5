using System.Text.Json;
using Hospital.LoadTests.Reporting;

namespace Hospital.LoadTests.Scenarios;

/// <summary>An HTTP answer reduced to what a scenario decides on: status, problem code, JSON body, and Retry-After.</summary>
public sealed record ApiAnswer(int Status, Outcome Outcome, string? Code, JsonElement Body, TimeSpan? RetryAfter)
{
    public string? String(string property) => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(property, out var value) ? value.ToString() : null;

    /// <summary>The outcome the goal counts for an answer (see <see cref="Outcome"/>).</summary>
    public static Outcome Classify(int status, string? code, TimeSpan? retryAfter) => status switch
    {
        >= 200 and < 300 => Outcome.Success,
        409 when code is "slot.sold_out" or "slot.taken" => Outcome.SoldOut,
        409 when code is "session.not_released" => Outcome.NotReleased,
        503 when retryAfter is not null => Outcome.Overloaded,
        >= 400 and < 500 => Outcome.Rejected,
        _ => Outcome.Error,
    };
}
