using System.Globalization;
using Hospital.Grains.Catalog;

namespace Hospital.Silo.Storage.Catalog;

internal sealed class DepartmentRow : ICatalogRow
{
    public const string Select = "SELECT id AS Id, name AS Name, location AS Location, description AS Description, " +
        "release_window_days AS ReleaseWindowDays, release_time AS ReleaseTime, weekly_release_day AS WeeklyReleaseDay FROM departments ORDER BY id";

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Location { get; set; } = "";
    public string Description { get; set; } = "";
    public long ReleaseWindowDays { get; set; }
    public string ReleaseTime { get; set; } = "";
    public long? WeeklyReleaseDay { get; set; }

    public static DepartmentRow From(Department d, ReleasePolicy p) => new()
    {
        Id = d.Id, Name = d.Name, Location = d.Location, Description = d.Description, ReleaseWindowDays = p.WindowDays,
        ReleaseTime = p.DailyReleaseTime.ToString("HH:mm", CultureInfo.InvariantCulture), WeeklyReleaseDay = (long?)p.WeeklyReleaseDay,
    };

    public Department ToDepartment() => new(checked((int)Id), Name, Location, Description);

    public ReleasePolicy ToReleasePolicy() =>
        new(checked((int)ReleaseWindowDays), TimeOnly.ParseExact(ReleaseTime, "HH:mm", CultureInfo.InvariantCulture), (DayOfWeek?)WeeklyReleaseDay);

    public IReadOnlyDictionary<string, object?> Columns() => new Dictionary<string, object?>
    {
        ["id"] = Id, ["name"] = Name, ["location"] = Location, ["description"] = Description,
        ["release_window_days"] = ReleaseWindowDays, ["release_time"] = ReleaseTime, ["weekly_release_day"] = WeeklyReleaseDay,
    };
}
