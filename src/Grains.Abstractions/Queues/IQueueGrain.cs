using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.Abstractions.Queues;

/// <summary>
/// One doctor session's waiting queue (key: the session id), beside its slot pool: check-in, calling order and the
/// visit's transitions. Every status change is committed by the pool (durable, audited) before the queue moves.
/// </summary>
[Alias("Hospital.IQueueGrain")]
public interface IQueueGrain : IGrainWithStringKey
{
    /// <summary>
    /// Checks the appointment's patient in, if <paramref name="visitCode"/> is that patient's visit code and the slot's
    /// check-in window is open today. Checking in again answers the same check-in. Too late: refused, and the appointment is a no-show.
    /// </summary>
    [Alias("CheckIn")]
    Task<AppointmentView> CheckInAsync(string appointmentId, string visitCode, string actor);

    /// <summary>
    /// Checks in the appointment of an e-ticket whose signature the caller verified: the signed ticket names the booking, so no
    /// visit code is asked. The same rules as <see cref="CheckInAsync"/> otherwise: booked, its day, its window.
    /// </summary>
    [Alias("CheckInWithTicket")]
    Task<AppointmentView> CheckInWithTicketAsync(string appointmentId, string actor);

    [Alias("GetQueue")]
    Task<QueueView> GetQueueAsync();

    /// <summary>Calls the first waiting patient; refused while a called patient has neither started nor been skipped.</summary>
    [Alias("CallNext")]
    Task<QueueView> CallNextAsync(string actor);

    /// <summary>Calls the called patient again (the boards announce it once more); changes no order.</summary>
    [Alias("Recall")]
    Task<QueueView> RecallAsync(string actor);

    /// <summary>The called patient missed the call (过号): back behind the next three waiting, once; the second miss is a no-show.</summary>
    [Alias("Skip")]
    Task<QueueView> SkipAsync(string actor);

    /// <summary>The doctor places a waiting add-on patient (加号, DoctorAddOn channel) at <paramref name="position"/> (1 is next; past the end is last).</summary>
    [Alias("PlaceAddOn")]
    Task<QueueView> PlaceAddOnAsync(string appointmentId, int position, string actor);

    /// <summary>The patient enters the room: CheckedIn → InVisit.</summary>
    [Alias("StartVisit")]
    Task<AppointmentView> StartVisitAsync(string appointmentId, string actor);

    /// <summary>The visit ends: InVisit → Completed.</summary>
    [Alias("CompleteVisit")]
    Task<AppointmentView> CompleteVisitAsync(string appointmentId, string actor);
}
