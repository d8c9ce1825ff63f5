namespace Hospital.Grains.Rules;

/// <summary>Where an instant lies relative to a slot's check-in window.</summary>
public enum CheckInTiming
{
    /// <summary>Before the window opens: come back later.</summary>
    TooEarly,

    /// <summary>Inside the window (both ends included): check-in accepted.</summary>
    OnTime,

    /// <summary>After the window closed: the appointment counts as a no-show.</summary>
    Late,
}
