using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Catalog;
using Hospital.Grains.Payments;
using Hospital.Grains.Reconciliation;
using Microsoft.Extensions.Logging;

namespace Hospital.Silo.Reconciliation;

/// <summary>
/// Reconciles one hospital day (对账): reads the gateway's statement file of the day (and of the day before, for
/// transactions our records place after midnight), compares it with our ledger, applies the safe fixes through the order's
/// own grain (so a fix is what the gateway's notification would have done, and running it again changes nothing) and saves
/// the report as the day's next version. Totals are those of the day as both sides recorded it before any fix.
/// </summary>
public sealed partial class PaymentReconciler(
    IPaymentGateway gateway,
    IReconciliationStore store,
    IGrainFactory grains,
    HospitalTime hospitalTime,
    HospitalClock time,
    ILogger<PaymentReconciler> logger)
{
    /// <summary>Reconciles <paramref name="day"/> and saves the report; <paramref name="runBy"/> names who asked (the daily job or an admin).</summary>
    public async Task<ReconciliationReport> RunAsync(DateOnly day, string runBy, CancellationToken cancellationToken = default)
    {
        var (totals, found) = await CompareAsync(day, hospitalTime.At(day.AddDays(1), TimeOnly.MinValue), cancellationToken);
        var differences = new List<ReconciliationDifference>();
        foreach (var difference in found)
            differences.Add(StatementComparison.IsSafeToFix(difference) ? await FixAsync(difference) : difference);
        var report = await store.AddReportAsync(new ReconciliationReport(day, 0, runBy, time.GetUtcNow(), [totals], differences), cancellationToken);
        LogReconciled(day, report.Version, differences.Count, differences.Count(d => d.Resolution == DifferenceResolution.ForAdmins));
        return report;
    }

    /// <summary>
    /// The current hospital day up to now, compared the same way but read-only: nothing fixed, nothing stored. The gateway's
    /// statement of the current day holds its transactions so far (an intraday query, as real gateways offer).
    /// </summary>
    public async Task<ProvisionalReconciliation> ProvisionalAsync(CancellationToken cancellationToken = default)
    {
        var until = time.GetUtcNow();
        var day = hospitalTime.DateOf(until);
        var (totals, differences) = await CompareAsync(day, until, cancellationToken);
        return new ProvisionalReconciliation(day, until, [totals],
            [.. differences.Where(StatementComparison.IsSafeToFix)], [.. differences.Where(d => !StatementComparison.IsSafeToFix(d))]);
    }

    /// <summary>
    /// The day's statement (and the day before's) against our ledger of the day up to <paramref name="until"/>: both sides'
    /// totals before any fix, and the differences.
    /// </summary>
    private async Task<(ReconciliationTotals Totals, IReadOnlyList<ReconciliationDifference> Differences)> CompareAsync(
        DateOnly day, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var statement = await StatementAsync(day, cancellationToken);
        var previousDay = await StatementAsync(day.AddDays(-1), cancellationToken);
        var ledger = await store.LedgerAsync(hospitalTime.At(day, TimeOnly.MinValue), until, statement.Select(l => l.OrderId).Distinct().ToList(), cancellationToken);
        var totals = new ReconciliationTotals(gateway.Name, StatementTotals.Of(statement), LedgerOrder.Totals(ledger.Values));
        return (totals, StatementComparison.Compare(statement, previousDay, ledger));
    }

    private async Task<IReadOnlyList<StatementLine>> StatementAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var file = await gateway.DownloadStatementAsync(day, cancellationToken);
        try
        {
            return StatementFile.Read(file, hospitalTime);
        }
        catch (FormatException unreadable)
        {
            throw new GatewayStatementException(gateway.Name, day, unreadable.Message, unreadable);
        }
    }

    /// <summary>Applies the gateway's payment as its notification would have: the grain books the slot, or refunds when the hold has ended.</summary>
    private async Task<ReconciliationDifference> FixAsync(ReconciliationDifference difference)
    {
        try
        {
            var order = await grains.GetGrain<IPaymentGrain>(difference.OrderId)
                .ApplyGatewayResultAsync(new GatewayPaymentResult(difference.OrderId, GatewayPaymentState.Paid, difference.TradeNo, difference.GatewayAmount!.Value));
            return order.Status switch
            {
                PaymentStatus.Paid => difference with { Resolution = DifferenceResolution.Confirmed, Note = "confirmed as the gateway's notification would have: slot booked" },
                PaymentStatus.Refunded => difference with
                {
                    Resolution = DifferenceResolution.Refunded, Note = "the hold had ended: refunded by the late-payment path and the patient told",
                },
                _ => difference with { Resolution = DifferenceResolution.FixFailed, Note = $"the order stayed {order.Status}" },
            };
        }
        catch (Exception e)
        {
            LogFixFailed(difference.OrderId, e);
            return difference with { Resolution = DifferenceResolution.FixFailed, Note = e is HospitalException known ? known.Code : "the fix failed; the next run tries again" };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Day} (report version {Version}): {Differences} differences, {ForAdmins} left for admins")]
    private partial void LogReconciled(DateOnly day, int version, int differences, int forAdmins);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation could not fix payment order {OrderId}")]
    private partial void LogFixFailed(string orderId, Exception exception);
}
