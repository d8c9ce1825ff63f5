namespace Hospital.Api.Apis.Contracts;

/// <summary>One page of flags, newest first; <paramref name="NextCursor"/> fetches the next (older) page, null on the last.</summary>
public sealed record AccountFlagPage(IReadOnlyList<AccountFlagResponse> Items, string? NextCursor);
