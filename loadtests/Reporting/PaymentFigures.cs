namespace Hospital.LoadTests.Reporting;

/// <summary>
/// How the patients' payments through the gateway ended, from the waits <see cref="Scenarios.GatewayPayment"/> records (one per
/// payment made at the cashier): booked, declined by the gateway (its injected failure rate; not an error of ours), or else
/// (refunded, paid but not booked, or not settled within the patient's wait). The success rate is booked / paid at the cashier.
/// </summary>
public sealed record PaymentFigures(int AtCashier, int Booked, int Declined, int Other, LatencySummary CashierToBooked)
{
    public const string DeclinedCode = "payment.declined";
    public const string UnsettledCode = "payment.unsettled";

    public double SuccessRate => AtCashier > 0 ? Math.Round((double)Booked / AtCashier, 4) : 0;

    public static PaymentFigures From(IReadOnlyList<RequestSample> settled)
    {
        var booked = settled.Where(s => s.Outcome == Outcome.Success).ToList();
        var declined = settled.Count(s => s.Code == DeclinedCode);
        return new PaymentFigures(settled.Count, booked.Count, declined, settled.Count - booked.Count - declined, LatencySummary.From(booked));
    }
}
