namespace Hospital.LoadTests.Consistency;

/// <summary>A hold the server acknowledged with 201, and whether its payment was acknowledged with 200 too.</summary>
public sealed record AcknowledgedHold(string AppointmentId, string SessionId, int SlotNo, bool Paid);
