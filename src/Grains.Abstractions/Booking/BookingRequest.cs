namespace Hospital.Grains.Abstractions.Booking;

/// <summary>A patient's request to book a session; <see cref="DepartmentId"/> comes from the catalog, not the client.</summary>
public sealed record BookingRequest(string SessionId, int DepartmentId, int? SlotNo, BookingChannel Channel, string IdempotencyKey);
