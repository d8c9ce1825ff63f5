using System.Globalization;
using System.Text;

namespace Hospital.Grains.Reconciliation;

/// <summary>
/// A reconciliation report as a CSV file for finance: the run, then the totals (a row per channel and side), then the differences,
/// each section with its own header and a blank line between them.
/// </summary>
public static class ReconciliationReportCsv
{
    public static string Write(ReconciliationReport report)
    {
        var file = new StringBuilder()
            .AppendLine("day,version,run_by,created_at")
            .AppendLine(Csv.Line(report.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"{report.Version}", report.RunBy,
                report.CreatedAt.ToString("O", CultureInfo.InvariantCulture)))
            .AppendLine()
            .AppendLine("channel,side,payments,payment_amount,refunds,refund_amount,net");
        foreach (var totals in report.Totals)
        {
            file.AppendLine(Totals(totals.Channel, "gateway", totals.Gateway));
            file.AppendLine(Totals(totals.Channel, "ledger", totals.Ledger));
        }
        file.AppendLine().AppendLine("kind,out_trade_no,out_refund_no,trade_no,gateway_amount,ledger_amount,gateway_status,ledger_status,resolution,note");
        foreach (var d in report.Differences)
            file.AppendLine(Csv.Line(d.Kind.ToString(), d.OrderId, d.RefundId, d.TradeNo, Amount(d.GatewayAmount), Amount(d.LedgerAmount), d.GatewayStatus, d.LedgerStatus,
                d.Resolution.ToString(), d.Note));
        return file.ToString();
    }

    private static string Totals(string channel, string side, StatementTotals t) =>
        Csv.Line(channel, side, $"{t.Payments}", Amount(t.PaymentAmount), $"{t.Refunds}", Amount(t.RefundAmount), Amount(t.Net));

    private static string? Amount(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture);
}
