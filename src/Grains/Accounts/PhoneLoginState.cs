namespace Hospital.Grains.Accounts;

/// <summary>
/// What one phone's login grain keeps: the current code's keyed hash (never the code), its expiry and tries left, and the
/// counters of codes sent. Grain state, stored as JSON by property name.
/// </summary>
public sealed record PhoneLoginState
{
    public string? CodeHash { get; init; }

    public DateTimeOffset CodeExpiresAt { get; init; }

    public int TriesLeft { get; init; }

    public DateTimeOffset? LastSentAt { get; init; }

    public DateOnly SentOn { get; init; }

    public int SentThatDay { get; init; }

    public static PhoneLoginState Empty { get; } = new();
}
