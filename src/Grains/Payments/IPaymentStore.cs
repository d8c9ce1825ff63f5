using Hospital.Grains.SlotPools;

namespace Hospital.Grains.Payments;

/// <summary>Payment orders, their audit trail and the gateway callbacks' nonces.</summary>
public interface IPaymentStore
{
    Task<PaymentOrder?> LoadAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the order (inserted at version 1, else updated from version - 1), its event and the notice to the patient, if
    /// any, in one transaction; throws when the stored version is not the one this change started from.
    /// </summary>
    Task SaveAsync(PaymentOrder order, PaymentEvent change, NotificationRecord? notice, CancellationToken cancellationToken = default);

    /// <summary>
    /// Orders the sweep must wake: open ones created before <paramref name="queryBefore"/> (no notification yet) or past their
    /// hold (<paramref name="now"/>), and paid ones whose slot is not settled yet.
    /// </summary>
    Task<IReadOnlyList<string>> FindDueAsync(DateTimeOffset queryBefore, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records a callback's nonce; false when it was seen already (a replay). Nonces older than <paramref name="forgetBefore"/> are dropped.</summary>
    Task<bool> TryUseNonceAsync(string nonce, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken cancellationToken = default);
}
