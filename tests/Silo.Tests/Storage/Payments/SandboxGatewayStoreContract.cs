using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Reconciliation;
using Hospital.Silo.Payments;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Silo.Tests.Storage.Payments;

/// <summary>
/// The sandbox gateway's own records on every backend: an order settles once however many settle it at once, refunds are
/// kept once per refund id and never beyond the amount, and a day's transactions are read back by their trade time.
/// </summary>
public abstract class SandboxGatewayStoreContract(TestDatabaseFixture fixture)
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 1, 0, 2, TimeSpan.Zero);
    private readonly SandboxGatewayStore _records = new(fixture.Database.ConnectionFactory);
    private readonly string _orderId = $"{Guid.NewGuid():N}.pay";

    [ContractFact]
    public async Task Open_Again_KeepsTheFirstOrder()
    {
        var first = await _records.OpenAsync(_orderId, 50m, "fee", At, CancellationToken.None);
        var again = await _records.OpenAsync(_orderId, 99m, "other", At.AddMinutes(1), CancellationToken.None);

        Assert.Equal(new SandboxOrder(_orderId, 50m, "fee", GatewayPaymentState.NotPaid, null, 0m), first);
        Assert.Equal(first, again);
    }

    [ContractFact]
    public async Task Settle_ManyAtOnce_SettlesOnce()
    {
        await _records.OpenAsync(_orderId, 50m, "fee", At, CancellationToken.None);

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            _records.SettleAsync(_orderId, i % 2 == 0 ? GatewayPaymentState.Paid : GatewayPaymentState.Failed, $"SBX{i}", At)));

        var order = (await _records.FindAsync(_orderId))!;
        Assert.Equal(1, answers.Count(a => a));
        var winner = Array.IndexOf(answers, true);
        Assert.Equal(winner % 2 == 0 ? (GatewayPaymentState.Paid, $"SBX{winner}") : (GatewayPaymentState.Failed, $"SBX{winner}"), (order.State, order.TradeNo));
    }

    [ContractFact]
    public async Task Refund_NeverBeyondTheAmount_EvenAtOnce_AndOncePerRefundId()
    {
        await _records.OpenAsync(_orderId, 50m, "fee", At, CancellationToken.None);
        await _records.SettleAsync(_orderId, GatewayPaymentState.Paid, "SBX1", At);

        // Any two of these together exceed the amount: only one may be kept, however they interleave.
        var answers = await Task.WhenAll(Enumerable.Range(1, 8).Select(async i =>
        {
            try
            {
                await _records.RefundAsync(_orderId, $"{_orderId}.r{i}", 30m, At);
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }));
        var kept = $"{_orderId}.r{Array.IndexOf(answers, true) + 1}";
        await _records.RefundAsync(_orderId, kept, 30m, At); // the same refund asked again after a lost answer

        Assert.Equal(1, answers.Count(a => a));
        Assert.Equal(30m, (await _records.FindAsync(_orderId))!.Refunded);
    }

    [ContractFact]
    public async Task Refund_WithAnotherOrdersRefundId_IsRefused()
    {
        var other = $"{Guid.NewGuid():N}.pay";
        foreach (var id in new[] { _orderId, other })
        {
            await _records.OpenAsync(id, 50m, "fee", At, CancellationToken.None);
            await _records.SettleAsync(id, GatewayPaymentState.Paid, "SBX1", At);
        }
        await _records.RefundAsync(_orderId, $"{_orderId}.r1", 50m, At);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _records.RefundAsync(other, $"{_orderId}.r1", 50m, At));
        Assert.Equal(0m, (await _records.FindAsync(other))!.Refunded);
    }

    [ContractFact]
    public async Task Transactions_AreTheRangesPaymentsAndRefunds_ByTradeTime()
    {
        await _records.OpenAsync(_orderId, 50m, "fee", At, CancellationToken.None);
        await _records.SettleAsync(_orderId, GatewayPaymentState.Paid, "SBX1", At);
        await _records.RefundAsync(_orderId, $"{_orderId}.r1", 50m, At.AddHours(1));

        var first = await _records.TransactionsAsync(At, At.AddHours(1));
        var both = await _records.TransactionsAsync(At, At.AddHours(2));

        var payment = new StatementLine(At, "SBX1", _orderId, null, TransactionType.Payment, 50m, StatementLine.Success);
        Assert.Equal([payment], first.Where(l => l.OrderId == _orderId));
        Assert.Equal([payment, payment with { TradeTime = At.AddHours(1), RefundId = $"{_orderId}.r1", Type = TransactionType.Refund }], both.Where(l => l.OrderId == _orderId));
    }
}

public sealed class SqliteSandboxGatewayStoreContract(SqliteDatabaseFixture fixture) : SandboxGatewayStoreContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbSandboxGatewayStoreContract(MariaDbDatabaseFixture fixture) : SandboxGatewayStoreContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
