using System.Text.Json;
using Hospital.Grains.Catalog;

namespace Hospital.Silo.Storage.Catalog;

internal sealed class DoctorRow : ICatalogRow
{
    public const string Select = "SELECT id AS Id, department_id AS DepartmentId, name AS Name, title AS Title, specialties AS Specialties, " +
        "fee AS Fee, introduction AS Introduction, rating AS Rating, retired_from AS RetiredFrom, retire_reason AS RetireReason FROM doctors ORDER BY id";

    public long Id { get; set; }
    public long DepartmentId { get; set; }
    public string Name { get; set; } = "";
    public string Title { get; set; } = "";
    public string Specialties { get; set; } = "[]";
    public decimal Fee { get; set; }
    public string Introduction { get; set; } = "";
    public double Rating { get; set; }
    public object? RetiredFrom { get; set; }
    public string? RetireReason { get; set; }

    public static DoctorRow From(Doctor d) => new()
    {
        Id = d.Id, DepartmentId = d.DepartmentId, Name = d.Name, Title = d.Title.ToString(),
        Specialties = JsonSerializer.Serialize(d.Specialties, StorageJson.Options), Fee = d.Fee, Introduction = d.Introduction, Rating = d.Rating,
    };

    public Doctor ToDoctor() => new(checked((int)Id), checked((int)DepartmentId), Name, Enum.Parse<DoctorTitle>(Title),
        JsonSerializer.Deserialize<List<string>>(Specialties, StorageJson.Options) ?? [], Fee, Introduction, Rating)
    {
        RetiredFrom = RetiredFrom is null ? null : SessionDates.Parse(RetiredFrom), RetireReason = RetireReason,
    };

    // Retirement is not among the columns: saving a doctor's details keeps it (SqlCatalogStore.RetireDoctorAsync writes it).

    public IReadOnlyDictionary<string, object?> Columns() => new Dictionary<string, object?>
    {
        ["id"] = Id, ["department_id"] = DepartmentId, ["name"] = Name, ["title"] = Title, ["specialties"] = Specialties,
        ["fee"] = Fee, ["introduction"] = Introduction, ["rating"] = Rating,
    };
}
