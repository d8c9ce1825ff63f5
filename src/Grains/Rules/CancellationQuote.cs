namespace Hospital.Grains.Rules;

/// <summary>
/// What cancelling would cost now: whether it is allowed, how much goes back by the original payment path
/// (<see cref="Refund"/>) and how much is kept (<see cref="FeeCharged"/>); both add up to the fee paid.
/// </summary>
/// <remarks>Tiers: <c>free</c>, <c>late</c> (fee tier applies), <c>hospital</c> (hospital cancelled: full refund), <c>closed</c> (not allowed).</remarks>
public sealed record CancellationQuote(bool Allowed, decimal Refund, decimal FeeCharged, string Tier, string? ReasonCode)
{
    public const string FreeTier = "free", LateTier = "late", HospitalTier = "hospital", ClosedTier = "closed";

    /// <summary>Error code when cancelling is no longer possible.</summary>
    public const string NotCancellableCode = "appointment.not_cancellable";
}
