using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Catalog;

namespace Hospital.Grains.SlotPools;

public sealed partial class SlotPool
{
    /// <summary>
    /// Holds the requested slot or the lowest free one of the request's channel. A request whose appointment id
    /// is already known returns that appointment unchanged, which makes client retries idempotent.
    /// </summary>
    public Decision<HoldResult> Hold(HoldRequest request, DateTimeOffset now, TimeSpan holdFor)
    {
        if (_appointments.TryGetValue(request.AppointmentId, out var existing))
        {
            return existing.PatientId == request.PatientId
                ? Decision<HoldResult>.Unchanged(HoldResult.Held(View(existing)))
                : throw new RuleConflictException("appointment.id_conflict", "This appointment id belongs to another patient.");
        }
        if (Status == SessionStatus.Stopped)
            throw new RuleConflictException("session.stopped", "The doctor has stopped this session.");
        if (now < Session.OpensAt)
            return Decision<HoldResult>.Unchanged(HoldResult.NotReleasedUntil(Session.OpensAt));
        if (Session.Slots[^1].StartsAt <= now)
            throw new RuleConflictException("session.closed", "This session has already started; it takes no more bookings.");
        if (HasLiveAppointment(request.PatientId))
            throw new RuleConflictException("patient.already_booked", "The patient already has an appointment in this session.");

        var slot = request.SlotNo is { } slotNo ? RequestedSlot(slotNo, request.Channel, now) : NextFreeSlot(request.Channel, now);
        if (slot is null) return Decision<HoldResult>.Unchanged(HoldResult.SoldOut);
        if (_occupants.ContainsKey(slot.SlotNo)) return Decision<HoldResult>.Unchanged(HoldResult.SlotTaken);

        var created = request.RescheduleOf is { } source ? MovedBooking(request, source, slot, now) : NewHold(request, slot, now, holdFor);
        Put(created);
        var changes = new PoolChanges();
        changes.Create(created, request.Actor, request.RescheduleOf is null ? "slot held for payment" : $"rescheduled from {request.RescheduleOf.AppointmentId}");
        return new(HoldResult.Held(View(created)), changes);
    }

    private SlotDefinition RequestedSlot(int slotNo, BookingChannel channel, DateTimeOffset now)
    {
        if (!_slots.TryGetValue(slotNo, out var slot))
            throw InputValidationException.For("slotNo", $"This session has slots 1 to {Session.Quota}.");
        if (slot.Channel != channel)
            throw new RuleConflictException("slot.reserved", $"Slot {slotNo} is reserved for {slot.Channel} booking.");
        if (slot.StartsAt <= now)
            throw new RuleConflictException("slot.passed", $"Slot {slotNo} has already started.");
        return slot;
    }

    private PoolAppointment NewHold(HoldRequest request, SlotDefinition slot, DateTimeOffset now, TimeSpan holdFor) => new(
        request.AppointmentId, Session.SessionId, slot.SlotNo, request.PatientId, request.Channel, AppointmentStatus.Held,
        Session.Fee, HeldAt: now, ExpiresAt: now + holdFor, BookedAt: null, PaymentRef: null, RefundAmount: null,
        RescheduleCount: 0, RescheduledFrom: null, request.IdempotencyKey, UpdatedAt: now);

    /// <summary>A reschedule's new booking: paid already (the payment carries over), so it is booked at once.</summary>
    private PoolAppointment MovedBooking(HoldRequest request, RescheduleSource source, SlotDefinition slot, DateTimeOffset now)
    {
        if (source.Fee != Session.Fee)
            throw new RuleConflictException("reschedule.fee_differs", "A booking can only move to a session with the same fee; cancel and book instead.");
        return NewHold(request, slot, now, TimeSpan.Zero) with
        {
            Status = AppointmentStatus.Booked,
            BookedAt = now,
            PaymentRef = source.PaymentRef,
            RescheduleCount = source.RescheduleCount + 1,
            RescheduledFrom = source.AppointmentId,
        };
    }
}
