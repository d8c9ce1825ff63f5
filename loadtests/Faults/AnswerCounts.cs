using Hospital.LoadTests.Reporting;

namespace Hospital.LoadTests.Faults;

/// <summary>
/// How a fault run's requests were answered: server errors (every 5xx but 503: the API promises none), 503s (expected
/// while the database is away, with Retry-After), requests that got no answer (expected while the API is down), and,
/// as evidence, the server errors and the refusals (4xx but sold out) by request kind, status and problem code.
/// </summary>
public sealed record AnswerCounts(
    int Requests, int ServerErrors, int Unavailable, int Unanswered, IReadOnlyDictionary<string, int> ServerErrorsByKind,
    IReadOnlyDictionary<string, int> RefusalsByKind)
{
    public static AnswerCounts From(IReadOnlyList<RequestSample> samples) => new(
        samples.Count, samples.Count(IsServerError), samples.Count(s => s.Status == 503), samples.Count(s => s.Status == 0),
        ByKind(samples.Where(IsServerError)), ByKind(samples.Where(s => s.Outcome == Outcome.Rejected)));

    public AnswerCounts Plus(AnswerCounts other) => new(
        Requests + other.Requests, ServerErrors + other.ServerErrors, Unavailable + other.Unavailable, Unanswered + other.Unanswered,
        Sum(ServerErrorsByKind, other.ServerErrorsByKind), Sum(RefusalsByKind, other.RefusalsByKind));

    private static bool IsServerError(RequestSample sample) => sample.Status >= 500 && sample.Status != 503;

    private static Dictionary<string, int> ByKind(IEnumerable<RequestSample> samples) =>
        samples.GroupBy(s => $"{s.Kind} {s.Status} {s.Code ?? "no code"}").ToDictionary(g => g.Key, g => g.Count());

    private static Dictionary<string, int> Sum(IReadOnlyDictionary<string, int> a, IReadOnlyDictionary<string, int> b) =>
        a.Concat(b).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
}
