namespace Hospital.Api.Apis.Contracts;

/// <summary>Logs a patient in with the six-digit code sent to the phone; the phone's account is created at its first login.</summary>
public sealed record PhoneLoginRequest(string? Phone, string? Code);
