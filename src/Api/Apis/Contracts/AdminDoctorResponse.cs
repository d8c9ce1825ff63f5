using Hospital.Grains.Catalog;

namespace Hospital.Api.Apis.Contracts;

/// <summary>A doctor as admins see one: what patients see, plus whether and since when the doctor is retired.</summary>
public sealed record AdminDoctorResponse(
    int Id, int DepartmentId, string DepartmentName, string Name, DoctorTitle Title, string TitleName, IReadOnlyList<string> Specialties,
    decimal Fee, string Introduction, double Rating, DateOnly? RetiredFrom, string? RetireReason)
{
    public static AdminDoctorResponse From(Doctor d, Department? department) => new(
        d.Id, d.DepartmentId, department?.Name ?? "", d.Name, d.Title, d.Title.ToChineseName(), d.Specialties, d.Fee, d.Introduction, d.Rating,
        d.RetiredFrom, d.RetireReason);
}
