namespace Hospital.Api.Apis.Contracts;

/// <summary>A watched date: the patient is told the day before <see cref="OpensAt"/>, when the department's date opens for booking.</summary>
public sealed record ReleaseWatchResponse(string PatientId, int DepartmentId, DateOnly Date, DateTimeOffset OpensAt);
