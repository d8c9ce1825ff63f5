namespace Hospital.Grains.Abstractions.Booking;

/// <summary>The paid booking a reschedule moves from; its payment carries over to the new slot.</summary>
[GenerateSerializer, Immutable, Alias("Hospital.RescheduleSource")]
public sealed record RescheduleSource(
    [property: Id(0)] string AppointmentId,
    [property: Id(1)] string PaymentRef,
    [property: Id(2)] decimal Fee,
    [property: Id(3)] int RescheduleCount);
