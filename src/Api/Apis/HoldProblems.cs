using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// The expected "no" answers of a hold as problem details. They are results, not exceptions, because at a release
/// peak most callers get one of them and answering them must stay cheap.
/// </summary>
internal static class HoldProblems
{
    /// <summary>What a sold-out answer tells the patient; the OpenAPI example shows the same words.</summary>
    public const string SoldOutDetail = "This session has no free slot for your channel; join its waitlist (POST /api/patients/{patientId}/waitlists) " +
        "to be offered the next slot that comes back, or try another session or another doctor.";

    public static ProblemHttpResult For(HoldResult result) => result.Outcome switch
    {
        HoldOutcome.SoldOut => Conflict("slot.sold_out", "Sold out", SoldOutDetail),
        HoldOutcome.SlotTaken => Conflict("slot.taken", "Slot taken", "Someone else just took this slot; choose another number or the next free one."),
        HoldOutcome.NotReleased => Conflict("session.not_released", "Not released yet", $"Booking for this session opens at {result.OpensAt:yyyy-MM-dd HH:mm}.",
            ("opensAt", result.OpensAt)),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.Outcome, "Only refusals are problems."),
    };

    private static ProblemHttpResult Conflict(string code, string title, string detail, params (string Key, object? Value)[] extra)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (key, value) in extra) extensions[key] = value;
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title, extensions: extensions);
    }
}
