namespace Hospital.Grains.Abstractions.Booking;

/// <summary>What a hold request got: the appointment when held, otherwise why not (with opening time when not released).</summary>
public sealed record HoldResult(HoldOutcome Outcome, AppointmentView? Appointment = null, DateTimeOffset? OpensAt = null)
{
    public static HoldResult SoldOut { get; } = new(HoldOutcome.SoldOut);

    public static HoldResult SlotTaken { get; } = new(HoldOutcome.SlotTaken);

    public static HoldResult NotReleasedUntil(DateTimeOffset opensAt) => new(HoldOutcome.NotReleased, OpensAt: opensAt);

    public static HoldResult Held(AppointmentView appointment) => new(HoldOutcome.Held, appointment);
}
