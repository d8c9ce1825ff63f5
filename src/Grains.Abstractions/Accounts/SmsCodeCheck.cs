namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>The verdict on a code and how many wrong tries the current code still allows.</summary>
[GenerateSerializer, Immutable, Alias("Hospital.SmsCodeCheck")]
public sealed record SmsCodeCheck([property: Id(0)] SmsCodeVerdict Verdict, [property: Id(1)] int TriesLeft);
