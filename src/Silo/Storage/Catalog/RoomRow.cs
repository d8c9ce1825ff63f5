using Hospital.Grains.Catalog;

namespace Hospital.Silo.Storage.Catalog;

internal sealed class RoomRow : ICatalogRow
{
    public const string Select = "SELECT code AS Code, department_id AS DepartmentId, location AS Location FROM rooms ORDER BY code";

    public string Code { get; set; } = "";
    public long DepartmentId { get; set; }
    public string Location { get; set; } = "";

    public static RoomRow From(Room r) => new() { Code = r.Code, DepartmentId = r.DepartmentId, Location = r.Location };

    public Room ToRoom() => new(Code, checked((int)DepartmentId), Location);

    public IReadOnlyDictionary<string, object?> Columns() => new Dictionary<string, object?>
    {
        ["code"] = Code, ["department_id"] = DepartmentId, ["location"] = Location,
    };
}
