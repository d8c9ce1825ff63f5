namespace Hospital.Grains.Abstractions.Booking;

/// <summary>
/// A request to book a session; <see cref="DepartmentId"/> comes from the catalog, not the client. <see cref="Actor"/> is who
/// books (<see cref="BookingActor"/>), recorded in the creation audit row; the patient when null.
/// </summary>
[GenerateSerializer, Immutable, Alias("Hospital.BookingRequest")]
public sealed record BookingRequest(
    [property: Id(0)] string SessionId,
    [property: Id(1)] int DepartmentId,
    [property: Id(2)] int? SlotNo,
    [property: Id(3)] BookingChannel Channel,
    [property: Id(4)] string IdempotencyKey,
    [property: Id(5)] string? Actor = null);
