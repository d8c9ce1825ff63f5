using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Notices;
using Hospital.Grains.Rules;

namespace Hospital.Grains.SlotPools;

public sealed partial class SlotPool
{
    /// <summary>Books a hold paid by <paramref name="actor"/> (the audit row's). Paying the same hold again with the same reference returns the booking unchanged.</summary>
    public Decision<AppointmentView> ConfirmPayment(string appointmentId, string paymentRef, string actor, DateTimeOffset now)
    {
        var held = Get(appointmentId);
        if (held.Status == AppointmentStatus.Booked && held.PaymentRef == paymentRef) return Decision<AppointmentView>.Unchanged(View(held));
        // A hold past its window is "expired" to the payer whether or not the expiry sweep has marked it yet.
        if (held.Status == AppointmentStatus.Expired || (held.Status == AppointmentStatus.Held && held.ExpiresAt <= now))
            throw new RuleConflictException("hold.expired", "The 15-minute payment window of this hold has passed; the slot was released.");
        if (held.Status != AppointmentStatus.Held)
            throw new RuleConflictException("appointment.not_payable", $"An appointment in status {held.Status} cannot be paid.");

        var booked = held with { Status = AppointmentStatus.Booked, BookedAt = now, PaymentRef = paymentRef, UpdatedAt = now };
        var changes = Apply(held, booked, actor, "paid");
        changes.Payments.Add(new PaymentRecord(paymentRef, appointmentId, held.Fee, "sandbox", now));
        return new(View(booked), changes);
    }

    /// <summary>Quotes the refund of cancelling now: unpaid holds cost nothing, bookings follow the fee tiers.</summary>
    public RefundQuote QuoteRefund(string appointmentId, DateTimeOffset now, CancellationRulesOptions rules)
    {
        var appointment = Get(appointmentId);
        return appointment.Status switch
        {
            AppointmentStatus.Held => new RefundQuote(appointmentId, true, 0, 0, 0, "unpaid", null),
            AppointmentStatus.Booked => Quote(appointment, now, rules),
            // Only an appointment that was paid for carries a payment reference; an expired or abandoned hold never was.
            _ => new RefundQuote(appointmentId, false, appointment.PaymentRef is null ? 0 : appointment.Fee, 0, 0, "none",
                "appointment.not_cancellable"),
        };
    }

    /// <summary>Cancels a booking (with its refund) or abandons a hold; repeating a finished cancellation changes nothing.</summary>
    public Decision<AppointmentView> Cancel(string appointmentId, string actor, string reason, DateTimeOffset now, CancellationRulesOptions rules)
    {
        var current = Get(appointmentId);
        if (current.Status is AppointmentStatus.Cancelled or AppointmentStatus.Abandoned) return Decision<AppointmentView>.Unchanged(View(current));
        if (current.Status == AppointmentStatus.Held)
        {
            var abandoned = current with { Status = AppointmentStatus.Abandoned, UpdatedAt = now };
            return new(View(abandoned), ApplyAndOffer(current, abandoned, actor, reason, now));
        }

        var quote = QuoteRefund(appointmentId, now, rules);
        if (!quote.Cancellable)
            throw new RuleConflictException(quote.ReasonCode ?? "appointment.not_cancellable", $"This appointment cannot be cancelled now ({quote.Tier}).");
        var cancelled = current with { Status = AppointmentStatus.Cancelled, RefundAmount = quote.Refund, UpdatedAt = now };
        var changes = ApplyAndOffer(current, cancelled, actor, reason, now);
        AddRefund(changes, cancelled, quote.Refund, $"cancelled by patient ({quote.Tier})", now);
        return new(View(cancelled), changes);
    }

    /// <summary>Second step of a reschedule: the old booking frees its slot; its payment now belongs to the replacement.</summary>
    public Decision<AppointmentView> ReleaseRescheduled(string appointmentId, string replacementId, string actor, DateTimeOffset now)
    {
        var current = Get(appointmentId);
        if (current.Status == AppointmentStatus.Rescheduled) return Decision<AppointmentView>.Unchanged(View(current));
        if (current.Status != AppointmentStatus.Booked)
            throw new RuleConflictException("appointment.not_reschedulable", $"An appointment in status {current.Status} cannot be rescheduled.");
        var moved = current with { Status = AppointmentStatus.Rescheduled, UpdatedAt = now };
        return new(View(moved), ApplyAndOffer(current, moved, actor, $"moved to {replacementId}", now));
    }

    /// <summary>What a reschedule of a paid booking carries to the new slot.</summary>
    public RescheduleSource RescheduleSourceOf(string appointmentId)
    {
        var booked = Get(appointmentId);
        if (booked.Status != AppointmentStatus.Booked || booked.PaymentRef is not { } paymentRef)
            throw new RuleConflictException("appointment.not_reschedulable", $"Only a paid booking can be rescheduled; this one is {booked.Status}.");
        return new RescheduleSource(booked.Id, paymentRef, booked.Fee, booked.RescheduleCount);
    }

    /// <summary>Undoes a reschedule's first step: the moved booking is cancelled with no refund, because its payment still belongs to the original.</summary>
    public Decision<AppointmentView> RollBackReschedule(string appointmentId, string actor, string reason, DateTimeOffset now)
    {
        var moved = Get(appointmentId);
        if (moved.Status == AppointmentStatus.Cancelled) return Decision<AppointmentView>.Unchanged(View(moved));
        if (moved.RescheduledFrom is null || moved.Status != AppointmentStatus.Booked)
            throw new RuleConflictException("appointment.not_reschedulable", "Only the new booking of an unfinished reschedule can be rolled back.");
        var cancelled = moved with { Status = AppointmentStatus.Cancelled, RefundAmount = 0, UpdatedAt = now };
        return new(View(cancelled), ApplyAndOffer(moved, cancelled, actor, reason, now));
    }

    /// <summary>Expires every hold whose payment window has passed.</summary>
    public Decision<int> ExpireDueHolds(DateTimeOffset now)
    {
        var due = _appointments.Values.Where(a => a.Status == AppointmentStatus.Held && a.ExpiresAt <= now).ToList();
        if (due.Count == 0) return Decision<int>.Unchanged(0);
        var changes = new PoolChanges();
        foreach (var held in due)
        {
            Transition(changes, held, held with { Status = AppointmentStatus.Expired, UpdatedAt = now }, "system", "unpaid after the hold period");
            LapseOffer(changes, held, now);
        }
        OfferReturnedSlots(changes, now);
        return new(due.Count, changes);
    }

    /// <summary>
    /// Longest stop reason: it is each cancellation's audit reason (a 256-character column) and part of each patient's
    /// notice (512, with about 130 characters of its own).
    /// </summary>
    public const int MaxStopReasonLength = 256;

    /// <summary>Doctor stop: every live appointment is cancelled by the hospital, bookings fully refunded, patients told.</summary>
    public Decision<int> Stop(string actor, string reason, DateTimeOffset now)
    {
        if (Status == SessionStatus.Stopped) return Decision<int>.Unchanged(0);
        Status = SessionStatus.Stopped;
        var live = _appointments.Values.Where(a => a.Status is AppointmentStatus.Held or AppointmentStatus.Booked).ToList();
        var changes = new PoolChanges { SessionChanged = true };
        foreach (var current in live)
        {
            var paid = current.Status == AppointmentStatus.Booked;
            var cancelled = current with { Status = AppointmentStatus.CancelledByHospital, RefundAmount = paid ? current.Fee : null, UpdatedAt = now };
            Transition(changes, current, cancelled, actor, reason);
            if (paid) AddRefund(changes, cancelled, current.Fee, "doctor stopped the session: full refund", now);
            changes.Notifications.Add(new NotificationRecord(current.PatientId, current.Id, NoticeKinds.SessionStopped,
                PatientNotices.SessionStopped(Session.Date, Session.Period, reason, paid ? current.Fee : null), now));
        }
        CloseWaitlist(changes, reason, now);
        return new(live.Count, changes);
    }

    private RefundQuote Quote(PoolAppointment booked, DateTimeOffset now, CancellationRulesOptions rules)
    {
        var quote = CancellationPolicy.Quote(_slots[booked.SlotNo].StartsAt, booked.Fee, now, rules);
        return new RefundQuote(booked.Id, quote.Allowed, booked.Fee, quote.Refund, quote.FeeCharged, quote.Tier, quote.ReasonCode);
    }

    private PoolChanges Apply(PoolAppointment before, PoolAppointment after, string actor, string reason)
    {
        var changes = new PoolChanges();
        Transition(changes, before, after, actor, reason);
        return changes;
    }

    /// <summary>A transition that frees a slot: the slot goes to the first waiting patient, if any, in the same decision.</summary>
    private PoolChanges ApplyAndOffer(PoolAppointment before, PoolAppointment after, string actor, string reason, DateTimeOffset now)
    {
        var changes = Apply(before, after, actor, reason);
        OfferReturnedSlots(changes, now);
        return changes;
    }

    private void Transition(PoolChanges changes, PoolAppointment before, PoolAppointment after, string actor, string reason)
    {
        AppointmentLifecycle.EnsureTransition(before.Status, after.Status);
        Put(after);
        changes.Transition(before, after, actor, reason);
    }

    private static void AddRefund(PoolChanges changes, PoolAppointment appointment, decimal amount, string reason, DateTimeOffset now)
    {
        if (amount > 0 && appointment.PaymentRef is { } paymentId)
            changes.Refunds.Add(new RefundRecord($"rf-{appointment.Id}", appointment.Id, paymentId, amount, reason, now));
    }
}
