using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.Tickets;

/// <summary>
/// What an e-ticket's QR code says, signed by the hospital: the appointment (whose id names its session), the slot number, the
/// patient's name masked as a waiting-room list shows it (王*明, for the clerk to compare with the ID card) and when the ticket
/// stops being accepted (the end of the visit day, hospital time).
/// </summary>
public sealed record ETicket(string AppointmentId, int SlotNo, string PatientName, DateTimeOffset ExpiresAt)
{
    /// <summary>The session the appointment belongs to, read from its id.</summary>
    public string SessionId => AppointmentKey.TryGetSessionId(AppointmentId, out var sessionId)
        ? sessionId
        : throw new InvalidOperationException($"'{AppointmentId}' is not an appointment id.");
}
