using Hospital.LoadTests.Consistency;
using Hospital.LoadTests.Reporting;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// One patient booking like a well-behaved client: hold with one Idempotency-Key, wait out a 503's Retry-After (or an
/// early "not released" until its opensAt) and retry with the same key, then pay for what it holds through the gateway
/// (<see cref="GatewayPayment"/>).
/// Attempts are bounded (<see cref="RetryPolicy"/>); the run's deadline ends any wait. A <c>kindPrefix</c> keeps requests
/// that are not measured (a rehearsal's) apart from the measured ones in the request log.
/// </summary>
public static class WellBehavedBooking
{
    public const string HoldKind = "hold";

    public static async Task<AcknowledgedHold?> BookAsync(HospitalClient client, LoadPatient patient, string sessionId, bool pay, CancellationToken cancellationToken,
        string kindPrefix = "", RetryPolicy? policy = null)
    {
        var key = Guid.NewGuid().ToString("N");
        var hold = await RetryAsync(() => client.PostForSessionAsync(kindPrefix + HoldKind, "/api/appointments", sessionId, new { sessionId, patientId = patient.Id }, key,
                patient.AccessToken, cancellationToken),
            cancellationToken, policy);
        if (hold is not { Status: 201 } || hold.String("id") is not { } id || !int.TryParse(hold.String("slotNo"), out var slotNo)) return null;
        var acknowledged = new AcknowledgedHold(id, sessionId, slotNo, Paid: false);
        return pay ? await PayAsync(client, patient, acknowledged, cancellationToken, kindPrefix, policy) : acknowledged;
    }

    /// <summary>Pays for an acknowledged hold through the gateway; the hold comes back paid once our API said Booked.</summary>
    public static async Task<AcknowledgedHold> PayAsync(HospitalClient client, LoadPatient patient, AcknowledgedHold hold, CancellationToken cancellationToken,
        string kindPrefix = "", RetryPolicy? policy = null) =>
        await GatewayPayment.PayAsync(client, patient, hold.AppointmentId, cancellationToken, kindPrefix, policy ?? RetryPolicy.WellBehaved)
            ? hold with { Paid = true }
            : hold;

    /// <summary>
    /// Sends until the answer is final: a 503 is retried after its Retry-After, an early "not released" at its opensAt,
    /// and, if the policy says so, an error after its pause (<see cref="RetryPolicy.WellBehaved"/> by default).
    /// </summary>
    internal static async Task<ApiAnswer?> RetryAsync(Func<Task<ApiAnswer?>> send, CancellationToken cancellationToken, RetryPolicy? policy = null)
    {
        policy ??= RetryPolicy.WellBehaved;
        ApiAnswer? answer = null;
        for (var attempt = 0; attempt < policy.MaxAttempts; attempt++)
        {
            answer = await send();
            var wait = answer switch
            {
                { Outcome: Outcome.Overloaded, RetryAfter: { } retryAfter } => retryAfter,
                { Outcome: Outcome.Error } when policy.UnansweredPause is { } pause => pause,
                { Outcome: Outcome.NotReleased } when DateTimeOffset.TryParse(answer.String("opensAt"), out var opensAt) =>
                    TimeSpan.FromTicks(Math.Clamp((opensAt - DateTimeOffset.UtcNow).Ticks, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerMinute)),
                _ => (TimeSpan?)null,
            };
            if (wait is not { } delay || !await VirtualUsers.DelayAsync(delay, cancellationToken)) return answer;
        }

        return answer;
    }
}
