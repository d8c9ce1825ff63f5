namespace Hospital.Api.Apis.Contracts;

/// <summary>A patient's visit code (就诊码), to show or print for them; another account adds the patient with it.</summary>
public sealed record VisitCodeResponse(string PatientId, string VisitCode, DateTimeOffset IssuedAt);
