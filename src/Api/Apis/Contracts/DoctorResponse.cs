using Hospital.Grains.Catalog;

namespace Hospital.Api.Apis.Contracts;

/// <summary>A doctor as patients choose one: title in Chinese (主任医师 ...), specialties, fee and rating.</summary>
public sealed record DoctorResponse(
    int Id, int DepartmentId, string DepartmentName, string Name, DoctorTitle Title, string TitleName,
    IReadOnlyList<string> Specialties, decimal Fee, string Introduction, double Rating)
{
    public static DoctorResponse From(Doctor d, Department? department) => new(
        d.Id, d.DepartmentId, department?.Name ?? "", d.Name, d.Title, d.Title.ToChineseName(), d.Specialties, d.Fee, d.Introduction, d.Rating);
}
