namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>The answer to a code request: when the code sent expires, or how long to wait before asking again.</summary>
[GenerateSerializer, Immutable, Alias("Hospital.SmsCodeRequestResult")]
public sealed record SmsCodeRequestResult(
    [property: Id(0)] SmsCodeOutcome Outcome,
    [property: Id(1)] DateTimeOffset? ExpiresAt,
    [property: Id(2)] TimeSpan RetryAfter);
