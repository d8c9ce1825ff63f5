namespace Hospital.Grains.Abstractions.Booking;

/// <summary>What a hold request got: the appointment when held, otherwise why not (with opening time when not released).</summary>
[GenerateSerializer, Immutable, Alias("Hospital.HoldResult")]
public sealed record HoldResult([property: Id(0)] HoldOutcome Outcome, [property: Id(1)] AppointmentView? Appointment = null, [property: Id(2)] DateTimeOffset? OpensAt = null)
{
    public static HoldResult SoldOut { get; } = new(HoldOutcome.SoldOut);

    public static HoldResult SlotTaken { get; } = new(HoldOutcome.SlotTaken);

    public static HoldResult NotReleasedUntil(DateTimeOffset opensAt) => new(HoldOutcome.NotReleased, OpensAt: opensAt);

    public static HoldResult Held(AppointmentView appointment) => new(HoldOutcome.Held, appointment);
}
