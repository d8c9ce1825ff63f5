namespace Hospital.Api.Apis.Contracts;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
