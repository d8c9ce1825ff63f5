using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Payments;
using Hospital.Grains.Reconciliation;
using Hospital.Silo.Payments;
using Hospital.Silo.Storage;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Silo.Tests.Storage.Payments;

/// <summary>
/// The sandbox gateway's own records on every backend: an order settles once however many settle it at once, refunds are
/// kept once per refund id, never beyond the amount or a part's share, and paid out once; a day's transactions are read
/// back by their trade time.
/// </summary>
public abstract class SandboxGatewayStoreContract : IAsyncDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 1, 0, 2, TimeSpan.Zero);
    private readonly SharedTransactionWriter _writes;
    private readonly SandboxGatewayStore _records;
    private readonly string _orderId = $"{Guid.NewGuid():N}.pay";

    protected SandboxGatewayStoreContract(TestDatabaseFixture fixture)
    {
        _writes = TestSharedWriter.For(fixture.Database.ConnectionFactory);
        _records = new SandboxGatewayStore(fixture.Database.ConnectionFactory, _writes);
    }

    public ValueTask DisposeAsync() => _writes.DisposeAsync();

    [ContractFact]
    public async Task Open_Again_KeepsTheFirstOrder()
    {
        var first = await OpenAsync(_orderId, 50m);
        var again = await OpenAsync(_orderId, 99m);

        Assert.Equal((_orderId, 50m, PaymentSplit.AllSelfPay(50m), "fee", GatewayPaymentState.NotPaid, (string?)null), (first.Id, first.Amount, first.Split, first.Description, first.State, first.TradeNo));
        Assert.Empty(first.Refunds);
        Assert.Equal(first.Amount, again.Amount);
        var stored = (await _records.FindAsync(_orderId))!;
        Assert.Equal((first.Result(), first.Split, first.Description), (stored.Result(), stored.Split, stored.Description));
    }

    [ContractFact]
    public async Task Settle_ManyAtOnce_SettlesOnce()
    {
        await OpenAsync(_orderId, 50m);

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
        await OpenAsync(_orderId, 50m);
        await _records.SettleAsync(_orderId, GatewayPaymentState.Paid, "SBX1", At);

        // Any two of these together exceed the amount: only one may be kept, however they interleave.
        var answers = await Task.WhenAll(Enumerable.Range(1, 8).Select(async i =>
        {
            try
            {
                await RefundAsync(_orderId, $"{_orderId}.r{i}", 30m, At);
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }));
        var kept = $"{_orderId}.r{Array.IndexOf(answers, true) + 1}";
        await RefundAsync(_orderId, kept, 30m, At); // the same refund asked again after a lost answer

        Assert.Equal(1, answers.Count(a => a));
        Assert.Equal(30m, (await _records.FindAsync(_orderId))!.Refunded);
    }

    [ContractFact]
    public async Task Refund_WithAnotherOrdersRefundId_IsRefused()
    {
        var other = $"{Guid.NewGuid():N}.pay";
        foreach (var id in new[] { _orderId, other })
        {
            await OpenAsync(id, 50m);
            await _records.SettleAsync(id, GatewayPaymentState.Paid, "SBX1", At);
        }
        await RefundAsync(_orderId, $"{_orderId}.r1", 50m, At);

        await Assert.ThrowsAsync<InvalidOperationException>(() => RefundAsync(other, $"{_orderId}.r1", 50m, At));
        Assert.Equal(0m, (await _records.FindAsync(other))!.Refunded);
    }

    [ContractFact]
    public async Task Transactions_AreTheRangesPaymentsAndRefunds_ByTradeTime()
    {
        await OpenAsync(_orderId, 50m);
        await _records.SettleAsync(_orderId, GatewayPaymentState.Paid, "SBX1", At);
        await RefundAsync(_orderId, $"{_orderId}.r0", 20m, At.AddMinutes(30), RefundStatus.Failed);
        await RefundAsync(_orderId, $"{_orderId}.r1", 30m, At.AddHours(1));

        var first = await _records.TransactionsAsync(At, At.AddHours(1));
        var both = await _records.TransactionsAsync(At, At.AddHours(2));

        var payment = new StatementLine(At, "SBX1", _orderId, null, TransactionType.Payment, 50m, StatementLine.Success);
        Assert.Equal([payment], first.Where(l => l.OrderId == _orderId));
        // The failed refund moved no money, so the statement does not list it.
        Assert.Equal([payment, payment with { TradeTime = At.AddHours(1), RefundId = $"{_orderId}.r1", Type = TransactionType.Refund, Amount = 30m }],
            both.Where(l => l.OrderId == _orderId));
    }

    [ContractFact]
    public async Task Refund_FailedThenAskedAgain_IsTriedAgain_AndOnceSucceededIsNeverPaidAgain()
    {
        await OpenAsync(_orderId, 50m);
        await _records.SettleAsync(_orderId, GatewayPaymentState.Paid, "SBX1", At);
        var refundId = $"{_orderId}.r1";

        var failed = await RefundAsync(_orderId, refundId, 50m, At, RefundStatus.Failed);
        var succeeded = await RefundAsync(_orderId, refundId, 50m, At);
        var askedAgain = await RefundAsync(_orderId, refundId, 50m, At);

        Assert.Equal((RefundStatus.Failed, 1, 0), (failed!.State, failed.Attempts, failed.PaidOut));
        Assert.Equal((RefundStatus.Succeeded, 2, 1), (succeeded!.State, succeeded.Attempts, succeeded.PaidOut));
        Assert.Null(askedAgain);
        Assert.Equal(succeeded, (await _records.FindAsync(_orderId))!.Refunds[refundId]);
    }

    [ContractFact]
    public async Task Refund_OfAPartBeyondWhatThatPartPaid_IsRefused()
    {
        await _records.OpenAsync(new GatewayOrderRequest(_orderId, 50m, new PaymentSplit(30m, 0m, 20m), "fee", At.AddMinutes(15)), At, CancellationToken.None);
        await _records.SettleAsync(_orderId, GatewayPaymentState.Paid, "SBX1", At);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _records.RefundAsync(new GatewayRefundRequest(_orderId, $"{_orderId}.r1", PaymentPart.SelfPay, 30m), () => RefundStatus.Succeeded, At));
        Assert.Empty((await _records.FindAsync(_orderId))!.Refunds);
    }

    private Task<SandboxOrder> OpenAsync(string orderId, decimal amount) =>
        _records.OpenAsync(new GatewayOrderRequest(orderId, amount, PaymentSplit.AllSelfPay(amount), "fee", At.AddMinutes(15)), At, CancellationToken.None);

    /// <summary>A self-pay refund whose attempt ends as <paramref name="outcome"/>.</summary>
    private Task<SandboxRefund?> RefundAsync(string orderId, string refundId, decimal amount, DateTimeOffset at, RefundStatus outcome = RefundStatus.Succeeded) =>
        _records.RefundAsync(new GatewayRefundRequest(orderId, refundId, PaymentPart.SelfPay, amount), () => outcome, at);
}

public sealed class SqliteSandboxGatewayStoreContract(SqliteDatabaseFixture fixture) : SandboxGatewayStoreContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbSandboxGatewayStoreContract(MariaDbDatabaseFixture fixture) : SandboxGatewayStoreContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
