namespace Hospital.Grains.Accounts;

/// <summary>
/// What one phone's login grain keeps: the current code's keyed hash (never the code), its expiry and tries left, and the
/// counters of codes sent. Stored as JSON by property name.
/// </summary>
public sealed record PhoneLoginState(
    string? CodeHash,
    DateTimeOffset CodeExpiresAt,
    int TriesLeft,
    DateTimeOffset? LastSentAt,
    DateOnly SentOn,
    int SentThatDay)
{
    public static PhoneLoginState Empty { get; } = new(null, DateTimeOffset.MinValue, 0, null, DateOnly.MinValue, 0);
}
