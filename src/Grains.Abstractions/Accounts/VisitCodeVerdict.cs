namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>What a visit code check found.</summary>
public enum VisitCodeVerdict
{
    Accepted,
    Wrong,
    /// <summary>The account had its wrong tries for today; the code was not even compared.</summary>
    TooManyTries,
}
