namespace Hospital.Api.Apis.Contracts;

public sealed record StaffLoginRequest(string? StaffId, string? Password);
