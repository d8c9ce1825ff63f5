namespace Hospital.Api.Apis.Contracts;

/// <summary>Everything the hospital keeps of a patient account, for its holder: the account (phone unmasked) and its patients.</summary>
public sealed record AccountExportResponse(string AccountId, string Phone, DateTimeOffset CreatedAt, IReadOnlyList<ExportedPatient> Patients, DateTimeOffset ExportedAt);
