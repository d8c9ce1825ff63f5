namespace Hospital.Grains.Appointments;

/// <summary>Whether a visit day is still ahead (today counts) or already over, by the hospital's date.</summary>
public enum VisitTiming
{
    Upcoming,
    Past,
}
