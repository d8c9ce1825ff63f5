namespace Hospital.Api.Apis.Contracts;

/// <summary>Why an admin lifts a patient's suspension (kept in the audit row, at most 256 characters).</summary>
public sealed record LiftSuspensionRequest(string? Reason);
