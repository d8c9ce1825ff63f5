namespace Hospital.Api.Apis.Contracts;

/// <summary>Why an admin freezes or unfreezes an account or a patient (kept in the audit row, at most 256 characters).</summary>
public sealed record FreezeRequest(string? Reason);
