namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>What became of a request for a login code.</summary>
public enum SmsCodeOutcome
{
    Sent,
    /// <summary>A code went out less than the resend interval ago.</summary>
    TooSoon,
    /// <summary>The phone had its day's quota of codes.</summary>
    DailyLimit,
}
