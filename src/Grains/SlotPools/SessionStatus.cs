namespace Hospital.Grains.SlotPools;

/// <summary>Whether a session still takes bookings; a stopped session (停诊) never reopens.</summary>
public enum SessionStatus
{
    Open,
    Stopped,
}
