using System.Collections.Concurrent;
using System.Diagnostics;
using Hospital.LoadTests.Scenarios;

namespace Hospital.LoadTests.VisitDay;

/// <summary>
/// One session's doctor at the workstation: call the next patient, who walks in (start), a short simulated visit, complete;
/// when nobody waits, look again shortly. Stops once every patient checked in has been seen and no more are coming, or at
/// the deadline. Records when each call was acknowledged, for the board's lag, and what it completed, for the check.
/// </summary>
public sealed class DoctorDesk(HospitalClient client, string sessionId, string doctorToken, MorningProgress progress, Random random)
{
    public const string CallKind = "call next", StartKind = "start visit", CompleteKind = "complete visit";

    private static readonly TimeSpan EmptyQueuePause = TimeSpan.FromMilliseconds(250);

    /// <summary>Each call the doctor made: the slot called and the Stopwatch time its 200 arrived.</summary>
    public ConcurrentBag<(string SessionId, int SlotNo, long AcknowledgedAt)> Calls { get; } = [];

    public ConcurrentBag<string> Completed { get; } = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queue = $"/api/doctor/sessions/{sessionId}/queue";
        while (!cancellationToken.IsCancellationRequested)
        {
            var called = await client.PostAsync(CallKind, $"{queue}/next", null, null, doctorToken, cancellationToken);
            var acknowledgedAt = Stopwatch.GetTimestamp();
            if (called is null) return;
            if (called is { Code: "queue.empty" })
            {
                if (progress.AllSeen(sessionId, Completed.Count)) return;
                await VirtualUsers.DelayAsync(EmptyQueuePause, cancellationToken);
                continue;
            }
            if (called is not { Status: 200 } || !called.Body.TryGetProperty("calling", out var calling)) return;
            var appointmentId = calling.GetProperty("appointmentId").GetString()!;
            Calls.Add((sessionId, calling.GetProperty("slotNo").GetInt32(), acknowledgedAt));
            await VirtualUsers.DelayAsync(TimeSpan.FromMilliseconds(1000 + random.Next(1000)), cancellationToken); // walking in
            if (await client.PostAsync(StartKind, $"/api/doctor/appointments/{appointmentId}/start", null, null, doctorToken, cancellationToken) is not { Status: 200 }) return;
            await VirtualUsers.DelayAsync(TimeSpan.FromMilliseconds(1000 + random.Next(2000)), cancellationToken); // the visit
            if (await client.PostAsync(CompleteKind, $"/api/doctor/appointments/{appointmentId}/complete", null, null, doctorToken, CancellationToken.None) is { Status: 200 })
                Completed.Add(appointmentId);
        }
    }
}
