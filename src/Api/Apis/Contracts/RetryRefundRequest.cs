namespace Hospital.Api.Apis.Contracts;

/// <summary>Why an admin sends a surfaced refund back to the gateway (kept in the refund's audit with the admin's staff id).</summary>
public sealed record RetryRefundRequest(string? Reason);
