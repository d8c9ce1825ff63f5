namespace Hospital.Api.Apis.Contracts;

/// <summary>A real-name patient registration: name, 18-character resident ID number, mainland mobile number.</summary>
public sealed record CreatePatientRequest(string? Name, string? IdNumber, string? Phone);
