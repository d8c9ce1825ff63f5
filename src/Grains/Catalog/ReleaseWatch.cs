namespace Hospital.Grains.Catalog;

/// <summary>A patient's wish to be told, the day before, when a department's date opens for booking.</summary>
public sealed record ReleaseWatch(long Id, string PatientId, int DepartmentId, DateOnly VisitDate);
