using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Catalog;
using Hospital.Grains.Payments;
using Microsoft.Extensions.Logging;
using Hospital.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Payments;

/// <summary>
/// The durable wake-up of payment orders, like the hold expiry recovery: each sweep finds in the database the orders that
/// waited too long for a notification, whose hold has expired, whose settlement was interrupted, or with a refund to start,
/// ask after or retry, and checks each. A crash delays a check by at most one sweep and never loses it.
/// </summary>
public sealed partial class PaymentSweep(
    IPaymentStore store,
    IGrainFactory grains,
    HospitalClock time,
    IOptions<PaymentOptions> options,
    ILogger<PaymentSweep> logger) : PeriodicSweep(time, options.Value.SweepPeriod, logger)
{
    protected override Task SweepOnceAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    /// <summary>
    /// Checks every order due now; one order's failure (a gateway timeout) does not hold the others back. First forgets the
    /// callbacks' nonces that have left the replay window.
    /// </summary>
    public async Task SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await store.ForgetNoncesAsync(now - SandboxCallbackVerifier.Window, cancellationToken);
        var due = await store.FindDueAsync(now - options.Value.QueryAfter, now, cancellationToken);
        var checks = due.Select(id => grains.GetGrain<IPaymentGrain>(id).CheckAsync()).ToList();
        try
        {
            await Task.WhenAll(checks);
        }
        catch (Exception) when (checks.Any(c => c.IsCompletedSuccessfully))
        {
            foreach (var failed in checks.Where(c => c.IsFaulted)) LogCheckFailed(failed.Exception!.GetBaseException());
        }
        if (due.Count > 0) LogSwept(due.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment sweep checked {Orders} orders")]
    private partial void LogSwept(int orders);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A payment order's check failed; the next sweep tries again")]
    private partial void LogCheckFailed(Exception exception);
}
