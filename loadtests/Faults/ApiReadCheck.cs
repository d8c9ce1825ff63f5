using System.Collections.Concurrent;
using Hospital.LoadTests.Consistency;
using Hospital.LoadTests.Scenarios;

namespace Hospital.LoadTests.Faults;

/// <summary>
/// Reads every acknowledged appointment back through the API (GET /api/appointments/{id}), as its patient would after
/// the fault: it must be there, in the acknowledged session and slot, Booked or later once paid, Held or Booked if not.
/// A 503 is waited out and asked again, as during the burst. Returns what disagreed, one line each.
/// </summary>
public static class ApiReadCheck
{
    public const string Kind = "read";

    public static async Task<IReadOnlyList<string>> RunAsync(HospitalClient client, IReadOnlyList<AcknowledgedHold> acknowledged, int users,
        CancellationToken cancellationToken)
    {
        var disagreements = new ConcurrentQueue<string>();
        await VirtualUsers.RunAsync(acknowledged, users, async (ack, ct) =>
        {
            var answer = await WellBehavedBooking.RetryAsync(() => client.GetAsync(Kind, $"/api/appointments/{ack.AppointmentId}", client.StaffToken, ct), ct, RetryPolicy.ThroughFaults);
            if (Disagreement(ack, answer) is { } disagreement) disagreements.Enqueue(disagreement);
        }, cancellationToken);
        return [.. disagreements];
    }

    private static string? Disagreement(AcknowledgedHold ack, ApiAnswer? answer)
    {
        var what = $"{ack.AppointmentId} acknowledged {(ack.Paid ? "paid" : "held")} in {ack.SessionId} slot {ack.SlotNo}; API: ";
        if (answer is not { Status: 200 }) return what + (answer is null ? "no answer" : $"{answer.Status} {answer.Code}");
        var status = answer.String("status");
        var agrees = answer.String("sessionId") == ack.SessionId && answer.String("slotNo") == $"{ack.SlotNo}" &&
            (ack.Paid ? AppointmentRow.PaidStatuses.Contains(status) : status is "Held" or "Booked");
        return agrees ? null : what + $"{status} in {answer.String("sessionId")} slot {answer.String("slotNo")}";
    }
}
