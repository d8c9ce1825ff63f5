namespace Hospital.Api.Apis.Contracts;

/// <summary>A code is on its way to <see cref="PhoneMasked"/>: usable until <see cref="ExpiresAt"/>, another one after <see cref="ResendAfterSeconds"/>.</summary>
public sealed record SmsCodeResponse(string PhoneMasked, DateTimeOffset ExpiresAt, int ResendAfterSeconds);
