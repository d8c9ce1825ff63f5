using System.Collections.Concurrent;
using Hospital.LoadTests.Consistency;
using Spectre.Console;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// Before T0 each patient asks once for its session, as eager clients do before a release. The release gate refuses it
/// from memory ("not released"), but the request activates the patient's grain (which reads its rows once) and the
/// pool's, so the burst measures booking, not first activation. Stops <see cref="Margin"/> before T0.
/// </summary>
public static class ReleaseWarmUp
{
    public const string Kind = "warm-up";
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(HospitalClient client, IReadOnlyList<(LoadPatient Patient, string Session)> jobs, int users, DateTimeOffset t0,
        ConcurrentBag<AcknowledgedHold> acknowledged, ProgressTask progress, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromTicks(Math.Max(0, (t0 - Margin - DateTimeOffset.UtcNow).Ticks)));
        await VirtualUsers.RunAsync(jobs, users, async (job, ct) =>
        {
            var answer = await client.PostForSessionAsync(Kind, "/api/appointments", job.Session, new { sessionId = job.Session, patientId = job.Patient.Id }, Guid.NewGuid().ToString("N"), job.Patient.AccessToken, ct);
            // Only a request still in flight at T0 could be held; it is then a real hold the database check must find.
            if (answer is { Status: 201 } && answer.String("id") is { } id && int.TryParse(answer.String("slotNo"), out var slotNo))
                acknowledged.Add(new AcknowledgedHold(id, job.Session, slotNo, Paid: false));
            progress.Increment(1);
        }, deadline.Token);
    }
}
