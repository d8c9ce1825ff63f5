using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Reconciliation;

namespace Hospital.Grains.Tests.Reconciliation;

public sealed class StatementComparisonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compare_OurPaymentTheStatementLacks_IsNoDifference_WhenThePreviousDaysStatementHasIt()
    {
        var ours = new LedgerOrder("a.pay", 50m, PaymentStatus.Paid, "SBX01", PaidOnDay: true, Refunds: []);
        var paidBeforeMidnight = new StatementLine(At.AddDays(-1), "SBX01", "a.pay", null, TransactionType.Payment, 50m, StatementLine.Success);

        Assert.Empty(StatementComparison.Compare([], [paidBeforeMidnight], Ledger(ours)));
        Assert.Equal(DifferenceKind.PaidInLedgerOnly, Assert.Single(StatementComparison.Compare([], [], Ledger(ours))).Kind);
    }

    [Theory]
    [InlineData(PaymentStatus.Pending, 50, true)]
    [InlineData(PaymentStatus.Closed, 50, true)]
    [InlineData(PaymentStatus.Failed, 50, true)]
    [InlineData(PaymentStatus.Pending, 45, false)] // an amount we did not ask for is an admin's
    public void IsSafeToFix_OnlyAGatewayPaymentOfOursAtOurAmount(PaymentStatus status, decimal ourAmount, bool safe)
    {
        var paid = new StatementLine(At, "SBX01", "a.pay", null, TransactionType.Payment, 50m, StatementLine.Success);
        var ours = new LedgerOrder("a.pay", ourAmount, status, null, PaidOnDay: false, Refunds: []);

        var difference = Assert.Single(StatementComparison.Compare([paid], [], Ledger(ours)));

        Assert.Equal(safe, StatementComparison.IsSafeToFix(difference));
    }

    [Fact]
    public void Compare_RefundsPartByPart_MatchByRefundId_AndEachSideOnlyIsADifference()
    {
        var paid = new StatementLine(At, "SBX01", "a.pay", null, TransactionType.Payment, 50m, StatementLine.Success);
        StatementLine Refund(string refundId, decimal amount) => paid with { TradeTime = At.AddHours(1), RefundId = refundId, Type = TransactionType.Refund, Amount = amount };
        var pooled = Refund("rf1.PooledFund", 20m);
        var selfPay = Refund("rf1.SelfPay", 10m);
        var ours = new LedgerOrder("a.pay", 50m, PaymentStatus.Paid, "SBX01", PaidOnDay: true,
            Refunds: [new("rf1.PooledFund", 20m, SucceededOnDay: true), new("rf1.PersonalAccount", 15m, SucceededOnDay: true)]);

        var differences = StatementComparison.Compare([paid, pooled, selfPay], [], Ledger(ours));

        // The pooled-fund part agrees; self-pay went back at the gateway only; the personal account in our ledger only.
        Assert.Equal(
            [(DifferenceKind.StatusMismatch, "rf1.SelfPay", (decimal?)10m, (decimal?)null), (DifferenceKind.StatusMismatch, "rf1.PersonalAccount", null, 15m)],
            differences.Select(d => (d.Kind, d.RefundId!, d.GatewayAmount, d.LedgerAmount)));
    }

    [Fact]
    public void Compare_ARefundOfAnotherAmount_IsAnAmountDifference()
    {
        var refund = new StatementLine(At, "SBX01", "a.pay", "rf1.SelfPay", TransactionType.Refund, 40m, StatementLine.Success);
        var ours = new LedgerOrder("a.pay", 50m, PaymentStatus.Paid, "SBX01", PaidOnDay: false, Refunds: [new("rf1.SelfPay", 50m, SucceededOnDay: true)]);

        var difference = Assert.Single(StatementComparison.Compare([refund], [], Ledger(ours)));

        Assert.Equal((DifferenceKind.AmountMismatch, "rf1.SelfPay", (decimal?)40m, (decimal?)50m), (difference.Kind, difference.RefundId!, difference.GatewayAmount, difference.LedgerAmount));
    }

    private static Dictionary<string, LedgerOrder> Ledger(params LedgerOrder[] orders) => orders.ToDictionary(o => o.Id);
}
