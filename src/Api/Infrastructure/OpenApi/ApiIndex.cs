namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>What <c>GET /</c> answers: where a person or a client finds the API's documentation.</summary>
public sealed record ApiIndex(string Name, string Documentation, string OpenApi, string Health);
