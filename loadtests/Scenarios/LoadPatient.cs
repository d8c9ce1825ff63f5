namespace Hospital.LoadTests.Scenarios;

/// <summary>A prepared patient: its id, on the account of its own phone, and that account's access token (as a phone holds it).</summary>
public sealed record LoadPatient(string Id, string AccessToken);
