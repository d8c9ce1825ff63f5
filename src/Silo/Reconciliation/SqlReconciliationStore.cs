using System.Data.Common;
using System.Text.Json;
using Dapper;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Reconciliation;
using Hospital.Silo.Storage;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Reconciliation;

/// <summary>The reconciliation's reads of our ledger, its reports and the daily claims, on either database; calls run on the thread pool because the SQLite driver blocks.</summary>
public sealed class SqlReconciliationStore(IDbConnectionFactory connections) : IReconciliationStore
{
    // A change into Paid from another status (a Paid order's "slot booked" row is not a second payment).
    private const string PaidOnDay =
        "e.order_id = o.id AND e.to_status = 'Paid' AND (e.from_status IS NULL OR e.from_status <> e.to_status) AND e.at >= @from AND e.at < @to";

    private const string OrderColumns =
        $"SELECT o.id AS Id, o.amount AS Amount, o.status AS Status, o.trade_no AS TradeNo, CASE WHEN EXISTS (SELECT 1 FROM payment_events e WHERE {PaidOnDay}) THEN 1 ELSE 0 END AS PaidOnDay FROM payment_orders o";

    public Task<IReadOnlyDictionary<string, LedgerOrder>> LedgerAsync(
        DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var range = new { from = AppointmentRow.Utc(from), to = AppointmentRow.Utc(to), orderIds };
        // Indexed reads (by id; by status and time) instead of one OR, which would scan every order. A refund part's row is
        // changed last when it succeeds (the end of its road), so its updated_at is when the money went back.
        var orders = await connection.QueryAsync<LedgerRow>(new CommandDefinition(
            $"{OrderColumns} WHERE o.id IN @orderIds " +
            $"UNION {OrderColumns} WHERE o.id IN (SELECT d.order_id FROM payment_events d WHERE d.to_status = 'Paid' AND d.at >= @from AND d.at < @to) " +
            $"UNION {OrderColumns} WHERE o.id IN (SELECT p.order_id FROM payment_refund_parts p WHERE p.status = 'Succeeded' AND p.updated_at >= @from AND p.updated_at < @to)",
            range, cancellationToken: cancellationToken));
        var ids = orders.Select(o => o.Id).ToList();
        var refunds = ids.Count == 0 ? [] : await connection.QueryAsync<RefundRow>(new CommandDefinition(
            "SELECT order_id AS OrderId, id AS RefundId, amount AS Amount, updated_at AS SucceededAt FROM payment_refund_parts " +
            "WHERE status = 'Succeeded' AND order_id IN @ids", new { ids }, cancellationToken: cancellationToken));
        var byOrder = refunds.ToLookup(r => r.OrderId, r => r.ToRefund(range.from, range.to));
        return (IReadOnlyDictionary<string, LedgerOrder>)orders.Select(r => r.ToOrder(byOrder[r.Id].ToList())).ToDictionary(o => o.Id);
    }, cancellationToken);

    public Task<ReconciliationReport> AddReportAsync(ReconciliationReport report, CancellationToken cancellationToken = default) => Task.Run(() =>
    {
        // Two runs of one day at once may pick the same next version: the second insert is refused and takes the one after.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var transaction = CommandTransaction.Begin(connections);
                var day = SessionDates.Format(report.Day);
                var version = transaction.Connection.ExecuteScalar<int>("SELECT COALESCE(MAX(version), 0) FROM reconciliation_reports WHERE day = @day", new { day }) + 1;
                var saved = report with { Version = version };
                transaction.Connection.Execute(
                    "INSERT INTO reconciliation_reports (day, version, run_by, created_at, report) VALUES (@day, @version, @runBy, @createdAt, @json)",
                    new { day, version, runBy = report.RunBy, createdAt = AppointmentRow.Utc(report.CreatedAt), json = JsonSerializer.Serialize(saved, StorageJson.Options) });
                transaction.Commit();
                return saved;
            }
            catch (DbException e) when (connections.Dialect.IsDuplicateKey(e) && attempt < 5)
            {
            }
        }
    }, cancellationToken);

    public Task<ReconciliationReport?> FindReportAsync(DateOnly day, int? version, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var json = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
            "SELECT report FROM reconciliation_reports WHERE day = @day AND (@version IS NULL OR version = @version) ORDER BY version DESC LIMIT 1",
            new { day = SessionDates.Format(day), version }, cancellationToken: cancellationToken));
        return json is null ? null : JsonSerializer.Deserialize<ReconciliationReport>(json, StorageJson.Options);
    }, cancellationToken);

    public Task<bool> TryClaimDayAsync(DateOnly day, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var claim = new { day = SessionDates.Format(day), now = AppointmentRow.Utc(now), staleBefore = AppointmentRow.Utc(staleBefore) };
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            $"{connections.Dialect.InsertOrIgnoreInto} reconciliation_daily_runs (day, claimed_at) VALUES (@day, @now)", claim, cancellationToken: cancellationToken));
        if (claimed == 0)
            claimed = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE reconciliation_daily_runs SET claimed_at = @now WHERE day = @day AND done_at IS NULL AND claimed_at < @staleBefore",
                claim, cancellationToken: cancellationToken));
        return claimed == 1;
    }, cancellationToken);

    public Task MarkDayDoneAsync(DateOnly day, DateTimeOffset at, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE reconciliation_daily_runs SET done_at = @at WHERE day = @day",
            new { day = SessionDates.Format(day), at = AppointmentRow.Utc(at) }, cancellationToken: cancellationToken));
    }, cancellationToken);

    private sealed class LedgerRow
    {
        public string Id { get; set; } = "";
        public decimal Amount { get; set; }
        public string Status { get; set; } = "";
        public string? TradeNo { get; set; }
        public long PaidOnDay { get; set; }

        public LedgerOrder ToOrder(IReadOnlyList<LedgerRefund> refunds) => new(Id, Amount, Enum.Parse<PaymentStatus>(Status), TradeNo, PaidOnDay == 1, refunds);
    }

    private sealed class RefundRow
    {
        public string OrderId { get; set; } = "";
        public string RefundId { get; set; } = "";
        public decimal Amount { get; set; }
        public DateTime SucceededAt { get; set; }

        public LedgerRefund ToRefund(DateTime from, DateTime to) => new(RefundId, Amount, SucceededAt >= from && SucceededAt < to);
    }
}
