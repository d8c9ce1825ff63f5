namespace Hospital.Api.Apis.Contracts;

/// <summary>
/// A walk-in or phone patient a window clerk registers under their real name: name, 18-character resident ID number and mainland
/// mobile number as on the ID card the clerk has seen, which <see cref="IdCardSeen"/> (required, true) confirms.
/// </summary>
public sealed record WalkInPatientRequest(string? Name, string? IdNumber, string? Phone, bool? IdCardSeen);
