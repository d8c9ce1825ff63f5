using System.Diagnostics;
using Hospital.LoadTests.Reporting;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// Pays for a hold as a phone does, through the payment gateway: opens the payment order with our API, pays at the sandbox
/// gateway's cashier page (which declines its configured share of payments, as cards are declined), then polls the order until
/// the gateway's signed notification has settled it and reads the appointment. The payment counts as acknowledged only when our
/// API said Booked. A declined payment is final for its order (one order per hold), so the patient gives up and its hold lapses.
/// Each step is its own kind in the request log; <see cref="SettledKind"/> is no request but the patient's wait from paying at
/// the cashier to our API's final word, recorded with how it ended (<see cref="PaymentFigures"/>).
/// </summary>
public static class GatewayPayment
{
    /// <summary>POST /api/appointments/{id}/payments: our API opens the order (and the gateway's).</summary>
    public const string OrderKind = "order";

    /// <summary>POST of the cashier page: the gateway's page, not our API (on a real gateway another company's server).</summary>
    public const string CashierKind = "cashier";

    /// <summary>GET /api/appointments/{id}/payments until the order is settled; how often is the client's choice.</summary>
    public const string PollKind = "payment-status";

    /// <summary>GET /api/appointments/{id} once the order is paid: the answer that acknowledges the booking.</summary>
    public const string BookedKind = "booked-check";

    /// <summary>From the cashier's answer to the settled order's last answer: a wait, not a request.</summary>
    public const string SettledKind = "cashier-to-booked";

    /// <summary>Every request of a payment (the settled wait is none).</summary>
    public static readonly string[] RequestKinds = [OrderKind, CashierKind, PollKind, BookedKind];

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly Dictionary<string, string> Pay = new() { ["action"] = "pay" };

    /// <summary>True once our API answered the appointment Booked.</summary>
    public static async Task<bool> PayAsync(HospitalClient client, LoadPatient patient, string appointmentId, CancellationToken cancellationToken,
        string kindPrefix, RetryPolicy policy)
    {
        var order = await WellBehavedBooking.RetryAsync(() => client.PostAsync(kindPrefix + OrderKind, $"/api/appointments/{appointmentId}/payments", null, null,
            patient.AccessToken, cancellationToken), cancellationToken, policy);
        if (order is not { Status: 200 } || order.String("cashierUrl") is not { } cashierUrl) return false;
        var cashier = await WellBehavedBooking.RetryAsync(() => client.PostFormAsync(kindPrefix + CashierKind, cashierUrl, Pay, cancellationToken),
            cancellationToken, policy);
        if (cashier is not { Status: 200 }) return false;

        var paidAt = Stopwatch.GetTimestamp();
        var status = await SettledStatusAsync(client, patient, appointmentId, kindPrefix, policy.SettleWait, cancellationToken);
        var booked = status == "Paid"
                     && (await client.GetAsync(kindPrefix + BookedKind, $"/api/appointments/{appointmentId}", patient.AccessToken, cancellationToken))?.String("status") == "Booked";
        var (outcome, code) = booked ? (Outcome.Success, (string?)null) : status switch
        {
            "Failed" => (Outcome.Rejected, PaymentFigures.DeclinedCode),
            "Refunded" => (Outcome.Rejected, "payment.refunded"),
            "Paid" => (Outcome.Error, "payment.paid_not_booked"),
            _ => (Outcome.Error, PaymentFigures.UnsettledCode),
        };
        client.RecordWait(kindPrefix + SettledKind, paidAt, outcome, code);
        return booked;
    }

    /// <summary>The order's status once it left Created/Pending, or the last seen (null: none) when the wait or the run ended first.</summary>
    private static async Task<string?> SettledStatusAsync(HospitalClient client, LoadPatient patient, string appointmentId, string kindPrefix, TimeSpan wait,
        CancellationToken cancellationToken)
    {
        var giveUpAt = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        string? status = null;
        while (Stopwatch.GetTimestamp() < giveUpAt && await VirtualUsers.DelayAsync(PollInterval, cancellationToken))
        {
            var answer = await client.GetAsync(kindPrefix + PollKind, $"/api/appointments/{appointmentId}/payments", patient.AccessToken, cancellationToken);
            if (answer is null) break;
            status = answer.String("status") ?? status;
            if (status is not (null or "Created" or "Pending")) break;
        }

        return status;
    }
}
