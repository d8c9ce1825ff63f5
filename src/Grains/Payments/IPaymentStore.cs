using Hospital.Grains.SlotPools;

namespace Hospital.Grains.Payments;

/// <summary>Payment orders with their refund parts, their audit trail and the gateway callbacks' nonces.</summary>
public interface IPaymentStore
{
    Task<PaymentOrder?> LoadAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the order (inserted at version 1, else updated from version - 1), the refund parts named by the change's refund
    /// events, and everything else of <paramref name="change"/> in one transaction; throws when the stored version is not the
    /// one this change started from.
    /// </summary>
    Task SaveAsync(PaymentOrder order, PaymentChange change, CancellationToken cancellationToken = default);

    /// <summary>
    /// Orders the sweep must wake: open ones created before <paramref name="queryBefore"/> (no notification yet) or past their
    /// hold (<paramref name="now"/>), paid ones whose slot is not settled yet, ones owing a refund not started yet, and ones with
    /// a refund part to submit, to ask after (processing since before <paramref name="queryBefore"/>) or to retry.
    /// </summary>
    Task<IReadOnlyList<string>> FindDueAsync(DateTimeOffset queryBefore, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Refunds recorded against the order (by a cancellation or a doctor stop) whose parts are not started yet.</summary>
    Task<IReadOnlyList<RefundRecord>> FindOwedRefundsAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Refund parts that failed after all their retries and wait for an admin, oldest first, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<SurfacedRefund>> ListSurfacedRefundsAsync(int take, CancellationToken cancellationToken = default);

    /// <summary>Records a callback's nonce; false when it was seen already (a replay).</summary>
    Task<bool> TryUseNonceAsync(string nonce, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Drops the nonces seen before <paramref name="before"/>, whose callbacks are refused by their age anyway.</summary>
    Task ForgetNoncesAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
