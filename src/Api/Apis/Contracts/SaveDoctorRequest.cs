using Hospital.Grains.Catalog;

namespace Hospital.Api.Apis.Contracts;

/// <summary>A doctor: department, name, title, specialties, fee (yuan), introduction, rating 0-5.</summary>
public sealed record SaveDoctorRequest(int DepartmentId, string? Name, DoctorTitle Title, IReadOnlyList<string>? Specialties, decimal Fee, string? Introduction, double Rating);
