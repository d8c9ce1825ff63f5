namespace Hospital.LoadTests.Consistency;

/// <summary>A hold the server acknowledged with 201, and whether our API then answered it Booked after its payment.</summary>
public sealed record AcknowledgedHold(string AppointmentId, string SessionId, int SlotNo, bool Paid);
