namespace Hospital.Grains.Notices;

/// <summary>
/// Where and when a visit is, as a notice names it: department, doctor, the room's location, the date, the slot's time
/// (with the hospital's offset) and number.
/// </summary>
public sealed record VisitPlace(string DepartmentName, string DoctorName, string Location, DateOnly Date, DateTimeOffset SlotTime, int SlotNo);
