namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>The verdict on a visit code and, when the account used up its tries, how long until it may try again.</summary>
[GenerateSerializer, Immutable, Alias("Hospital.VisitCodeCheck")]
public sealed record VisitCodeCheck([property: Id(0)] VisitCodeVerdict Verdict, [property: Id(1)] TimeSpan RetryAfter);
