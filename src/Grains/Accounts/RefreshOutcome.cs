namespace Hospital.Grains.Accounts;

public enum RefreshOutcome
{
    /// <summary>The token was live and is now spent; issue its successor in the same family.</summary>
    Redeemed,
    /// <summary>Unknown, expired, or revoked.</summary>
    Invalid,
    /// <summary>Already spent: someone replayed it, so its whole family has been revoked.</summary>
    Reused,
}
