using Hospital.Grains.Catalog;

namespace Hospital.Grains.Demo;

/// <summary>
/// A realistic large Chinese general hospital for demos, load tests and first start: 25 departments, 123 doctors,
/// one room per doctor, 2–5 weekly sessions per doctor. Built from a fixed seed, so every call returns the same data.
/// </summary>
public static class DemoHospital
{
    /// <summary>Seed of the pseudo-random choices (names, titles, schedules); changing it changes the whole hospital.</summary>
    public const int Seed = 20261122;

    /// <summary>The demo hospital's catalog (ids: departments 1..25, doctors 1..123).</summary>
    public static HospitalCatalog Create()
    {
        var random = new Random(Seed);
        var names = new DemoNamePicker(random);
        var departments = new List<Department>();
        var doctors = new List<Doctor>();
        var rooms = new List<Room>();
        var templates = new List<ScheduleTemplate>();
        var policies = new Dictionary<int, ReleasePolicy>();
        foreach (var (data, index) in DemoDepartments.All.Select((d, i) => (d, i)))
        {
            var department = new Department(index + 1, data.Name, data.Location, data.Description);
            departments.Add(department);
            policies[department.Id] = data.Release;
            for (var position = 0; position < data.DoctorCount; position++)
            {
                var room = new Room($"{data.RoomPrefix}-{position + 1:00}", department.Id, $"{data.Location}{position + 1}诊室");
                var doctor = DemoDoctors.Create(doctors.Count + 1, department, data, position, names.Next(), random);
                rooms.Add(room);
                doctors.Add(doctor);
                templates.AddRange(DemoSchedules.For(doctor, data, room, random));
            }
        }

        return new HospitalCatalog(departments, doctors, rooms, templates, policies);
    }
}
