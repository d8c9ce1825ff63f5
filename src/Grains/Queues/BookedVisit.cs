namespace Hospital.Grains.Queues;

/// <summary>A booking of the day not checked in yet, with the stored hash of its patient's visit code.</summary>
public sealed record BookedVisit(string AppointmentId, string SessionId, int SlotNo, string PatientId, string CodeHash);
