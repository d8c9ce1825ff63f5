namespace Hospital.Api.Apis.Contracts;

/// <summary>Asks for a login code by SMS to a mainland mobile number.</summary>
public sealed record SmsCodeRequest(string? Phone);
