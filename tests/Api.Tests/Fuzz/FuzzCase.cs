namespace Hospital.Api.Tests.Fuzz;

/// <summary>One request of the fuzz run and what was changed from a valid request, for the failure report.</summary>
public sealed record FuzzCase(HttpRequestMessage Request, string Mutation);
