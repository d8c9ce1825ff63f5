namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>What a code check found.</summary>
public enum SmsCodeVerdict
{
    Accepted,
    /// <summary>Wrong code; the current code still has tries left.</summary>
    Wrong,
    /// <summary>No code to check against: none was sent, it expired, it was used, or its tries ran out.</summary>
    NoCode,
}
