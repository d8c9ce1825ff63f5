using System.Diagnostics;
using System.Text.Json;
using Hospital.LoadTests.Scenarios;

namespace Hospital.LoadTests.Consistency;

/// <summary>
/// Our ledger against the gateway's statement after a run, through the admin API's provisional reconciliation of the current
/// day so far (the day is not over, so nothing is fixed or stored). A payment whose notification is still on its way is
/// "settling"; it asks again until none is (or <see cref="SettleWait"/> passes), so what is left is what the two sides
/// disagree on. Unexplained: the differences no automatic path settles (the API's "forAdmins"); 0 is expected. The
/// consistency check runs after it, so it finds the settled payments booked or refunded.
/// </summary>
public static class GatewayReconciliation
{
    public const string Path = "/api/admin/reconciliations/provisional";

    /// <summary>
    /// Long enough for our own paths to settle a payment after an overload: the gateway retries a refused notification after
    /// 1, 2, 4, 8 and 16 s, and the payment sweep (every 30 s) asks the gateway about an order 2 minutes after it was opened
    /// (Payments:QueryAfter). A run whose payments all settled at once asks once.
    /// </summary>
    private static readonly TimeSpan SettleWait = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    public static async Task<ReconciliationFigures> ReconcileAsync(HospitalClient admin, CancellationToken cancellationToken)
    {
        var giveUpAt = Stopwatch.GetTimestamp() + (long)(SettleWait.TotalSeconds * Stopwatch.Frequency);
        var report = await admin.GetAdminAsync(Path, cancellationToken);
        while (report.GetProperty("settling").GetArrayLength() > 0 && Stopwatch.GetTimestamp() < giveUpAt)
        {
            await Task.Delay(Pause, cancellationToken);
            report = await admin.GetAdminAsync(Path, cancellationToken);
        }

        return ReconciliationFigures.Of(report);
    }
}

/// <summary>
/// What the provisional reconciliation found: each side's payments and refunds of the day so far, every difference by kind,
/// those still settling and those unexplained (left for admins).
/// </summary>
public sealed record ReconciliationFigures(
    int GatewayPayments, int LedgerPayments, int GatewayRefunds, int LedgerRefunds, IReadOnlyDictionary<string, int> DifferencesByKind, int Settling, int Unexplained)
{
    public static ReconciliationFigures Of(JsonElement report)
    {
        var totals = report.GetProperty("totals")[0];
        int Count(string side, string what) => totals.GetProperty(side).GetProperty(what).GetInt32();
        var settling = report.GetProperty("settling").EnumerateArray().ToList();
        var forAdmins = report.GetProperty("forAdmins").EnumerateArray().ToList();
        var byKind = settling.Concat(forAdmins).GroupBy(d => d.GetProperty("kind").ToString()).ToDictionary(g => g.Key, g => g.Count());
        return new ReconciliationFigures(Count("gateway", "payments"), Count("ledger", "payments"), Count("gateway", "refunds"), Count("ledger", "refunds"),
            byKind, settling.Count, forAdmins.Count);
    }
}
