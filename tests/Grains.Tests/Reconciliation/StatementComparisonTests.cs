using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Reconciliation;

namespace Hospital.Grains.Tests.Reconciliation;

public sealed class StatementComparisonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compare_OurPaymentTheStatementLacks_IsNoDifference_WhenThePreviousDaysStatementHasIt()
    {
        var ours = new LedgerOrder("a.pay", 50m, PaymentStatus.Paid, "SBX01", PaidOnDay: true, RefundedOnDay: false);
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
        var ours = new LedgerOrder("a.pay", ourAmount, status, null, PaidOnDay: false, RefundedOnDay: false);

        var difference = Assert.Single(StatementComparison.Compare([paid], [], Ledger(ours)));

        Assert.Equal(safe, StatementComparison.IsSafeToFix(difference));
    }

    private static Dictionary<string, LedgerOrder> Ledger(params LedgerOrder[] orders) => orders.ToDictionary(o => o.Id);
}
