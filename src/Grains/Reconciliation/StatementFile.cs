using System.Globalization;
using System.Text;
using Hospital.Grains.Catalog;

namespace Hospital.Grains.Reconciliation;

/// <summary>
/// A gateway's daily statement file (as WeChat Pay and Alipay give merchants): a header, one line per transaction of the
/// hospital day in the hospital's local time, then a totals header and the totals line. Reading checks the totals against the
/// lines, so a truncated or altered file is refused instead of reconciled.
/// </summary>
public static class StatementFile
{
    public const string Header = "trade_time,trade_no,out_trade_no,out_refund_no,type,amount,status";
    public const string TotalsHeader = "payments,payment_amount,refunds,refund_amount";
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public static string Write(IReadOnlyList<StatementLine> lines, HospitalTime hospitalTime)
    {
        var file = new StringBuilder().AppendLine(Header);
        foreach (var line in lines)
            file.AppendLine(Csv.Line(hospitalTime.ToLocal(line.TradeTime).ToString(TimeFormat, CultureInfo.InvariantCulture), line.TradeNo, line.OrderId,
                line.RefundId, line.Type.ToString().ToLowerInvariant(), Amount(line.Amount), line.Status));
        var totals = StatementTotals.Of(lines);
        return file.AppendLine(TotalsHeader)
            .AppendLine(Csv.Line($"{totals.Payments}", Amount(totals.PaymentAmount), $"{totals.Refunds}", Amount(totals.RefundAmount))).ToString();
    }

    /// <summary>The transactions of a statement file; throws <see cref="FormatException"/> when it is not one or its totals disagree with its lines.</summary>
    public static IReadOnlyList<StatementLine> Read(string text, HospitalTime hospitalTime)
    {
        var rows = text.Split('\n').Select(r => r.TrimEnd('\r')).Where(r => r.Length > 0).ToList();
        var totalsAt = rows.IndexOf(TotalsHeader);
        if (rows.Count == 0 || rows[0] != Header || totalsAt < 0 || totalsAt != rows.Count - 2)
            throw new FormatException("The statement has no header, totals header or totals line where expected.");
        var lines = rows.Skip(1).Take(totalsAt - 1).Select(r => Line(r, hospitalTime)).ToList();
        var totals = Csv.Fields(rows[^1]);
        var stated = new StatementTotals(int.Parse(totals[0], CultureInfo.InvariantCulture), decimal.Parse(totals[1], CultureInfo.InvariantCulture),
            int.Parse(totals[2], CultureInfo.InvariantCulture), decimal.Parse(totals[3], CultureInfo.InvariantCulture));
        if (stated != StatementTotals.Of(lines)) throw new FormatException("The statement's totals line disagrees with its transactions.");
        return lines;
    }

    private static StatementLine Line(string row, HospitalTime hospitalTime)
    {
        var f = Csv.Fields(row);
        if (f.Count != 7) throw new FormatException($"A statement line has {f.Count} fields instead of 7.");
        var local = DateTime.ParseExact(f[0], TimeFormat, CultureInfo.InvariantCulture);
        return new StatementLine(new DateTimeOffset(local, hospitalTime.Zone.GetUtcOffset(local)), f[1], f[2], f[3].Length == 0 ? null : f[3],
            Enum.Parse<TransactionType>(f[4], ignoreCase: true), decimal.Parse(f[5], CultureInfo.InvariantCulture), f[6]);
    }

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
