using Hospital.Grains.Abstractions.Payments;

namespace Hospital.Grains.Payments;

/// <summary>
/// Splits a refund into the parts it goes back to. What a cancellation keeps (the late-cancellation fee) is the patient's to
/// bear, so it is taken from the patient's own money first (self-pay, then the personal account) and from the pooled fund
/// last: the insurance never pays for a visit that did not happen. Exact to the fen, no rounding.
/// </summary>
public static class RefundAllocation
{
    public static PaymentSplit Allocate(PaymentSplit paid, decimal refund)
    {
        if (refund < 0 || refund > paid.Total) throw new ArgumentOutOfRangeException(nameof(refund), refund, $"A refund is 0 to the {paid.Total:0.00} paid.");
        var kept = paid.Total - refund;
        var selfPay = Math.Max(0, paid.SelfPay - kept);
        kept -= paid.SelfPay - selfPay;
        var personal = Math.Max(0, paid.PersonalAccount - kept);
        kept -= paid.PersonalAccount - personal;
        return new PaymentSplit(paid.PooledFund - kept, personal, selfPay);
    }
}
