namespace Hospital.Api.Apis.Contracts;

/// <summary>Wait for a slot of a sold-out session.</summary>
public sealed record JoinWaitlistRequest(string? SessionId);
