namespace Hospital.Grains.Abstractions.Booking;

/// <summary>How a session appears in a calendar.</summary>
[GenerateSerializer, Alias("Hospital.SessionState")]
public enum SessionState
{
    NotReleased,
    Available,
    FewLeft,
    Full,
    Stopped,
}
