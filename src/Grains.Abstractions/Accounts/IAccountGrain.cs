using Hospital.Grains.Abstractions.Abuse;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Waitlists;
using Orleans.Concurrency;

namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>
/// One patient account (key: the account id): its patients (就诊人) and the bookings it makes for them. Non-reentrant on
/// purpose: adds and bookings of one account run one at a time, so parallel requests cannot pass the patient limit or
/// the account's daily booking limit together. Reads interleave: they only look at the list of patients.
/// </summary>
[Alias("Hospital.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Puts a registered patient on the account (at most the configured number); adding one already there changes nothing.</summary>
    [Alias("AddPatient")]
    Task<FamilyMember> AddPatientAsync(string patientId, FamilyRelationship relationship);

    /// <summary>Takes a patient off the account; false when the patient is not on it. Their appointments stay.</summary>
    [Alias("RemovePatient")]
    Task<bool> RemovePatientAsync(string patientId);

    [Alias("GetPatients"), AlwaysInterleave]
    Task<IReadOnlyList<FamilyMember>> GetPatientsAsync();

    /// <summary>Whether the patient is on the account: what lets the account see and change the patient's appointments.</summary>
    [Alias("HasPatient"), AlwaysInterleave]
    Task<bool> HasPatientAsync(string patientId);

    /// <summary>
    /// Books for a patient on the account after the account's daily limit (new bookings per day, whichever patient they are
    /// for); the patient's own limits are then checked by the patient. A retry of a booking already made is not counted again.
    /// </summary>
    [Alias("Book")]
    Task<HoldResult> BookAsync(string patientId, BookingRequest request);

    /// <summary>
    /// Moves a booking of a patient on the account to another session (<see cref="IPatientGrain.RescheduleAsync"/>); a frozen
    /// account cannot, since a move holds a new slot.
    /// </summary>
    [Alias("Reschedule")]
    Task<AppointmentView> RescheduleAsync(string patientId, string appointmentId, string newSessionId, int newDepartmentId, string idempotencyKey);

    /// <summary>
    /// Puts a patient on the account on a sold-out session's waitlist (<see cref="IPatientGrain.JoinWaitlistAsync"/>); a frozen
    /// account cannot, since a place on the waitlist becomes a hold when a slot comes back.
    /// </summary>
    [Alias("JoinWaitlist")]
    Task<WaitlistEntryView> JoinWaitlistAsync(string patientId, string sessionId, int departmentId);

    /// <summary>Freezes or unfreezes the account (an admin's decision, with an audit row); a frozen account cannot hold.</summary>
    [Alias("ChangeFreeze")]
    Task<FreezeState> ChangeFreezeAsync(FreezeChange change);

    /// <summary>
    /// Closes the account: deletes it and its links to patients (patients and their appointments stay with the hospital), so
    /// every later call finds no account (account.not_found).
    /// </summary>
    [Alias("Close")]
    Task CloseAsync();
}
