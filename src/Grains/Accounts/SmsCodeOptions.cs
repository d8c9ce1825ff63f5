namespace Hospital.Grains.Accounts;

/// <summary>Limits of SMS login codes per phone (section "Auth:SmsCode"), validated at start.</summary>
public sealed class SmsCodeOptions
{
    public const string Section = "Auth:SmsCode";

    /// <summary>How long a code can be used. Default 5 minutes.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Checks one code allows, right or wrong; after the last wrong one the code is gone. Default 5.</summary>
    public int MaxTries { get; set; } = 5;

    /// <summary>The least time between two codes to one phone. Default 1 minute.</summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Codes one phone gets per hospital calendar day. Default 10.</summary>
    public int DailyLimit { get; set; } = 10;

    public void Validate()
    {
        if (Lifetime <= TimeSpan.Zero || ResendInterval < TimeSpan.Zero)
            throw new InvalidOperationException("Lifetime must be positive and ResendInterval not negative.");
        if (MaxTries < 1 || DailyLimit < 1)
            throw new InvalidOperationException("MaxTries and DailyLimit must be at least 1.");
    }
}
