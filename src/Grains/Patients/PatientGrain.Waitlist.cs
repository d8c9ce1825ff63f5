using Hospital.Grains.Abstractions.Abuse;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Waitlists;
using Hospital.Grains.Abuse;
using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Patients;

/// <summary>The patient's side of waitlists (候补): the limits on joining, and on taking a slot a pool offers.</summary>
public sealed partial class PatientGrain
{
    public async Task<WaitlistEntryView> JoinWaitlistAsync(string sessionId, int departmentId, string actor)
    {
        await LoadAsync();
        var current = await waitlists.ListCurrentAsync(PatientId, hospitalTime.DateOf(Now));
        // Joining again answers the place already held, whatever the limits say now.
        if (current.Any(e => e.SessionId == sessionId && e.Status == WaitlistStatus.Waiting)) return await Pool(sessionId).GetWaitlistPlaceAsync(PatientId);
        Freezes.EnsureNotFrozen(FrozenSubject.Patient, _freeze);
        await EnsureNotSuspendedAsync();
        await EnsureDepartmentDayFreeAsync(departmentId, SessionKey.Parse(sessionId).Date, exceptId: null);
        BookingLimits.CheckWaitlists(current.Count(e => e.Status == WaitlistStatus.Waiting), bookingRules.Value).Enforce();
        // The entry's id is the appointment id its offer will hold, keyed like every other so nobody can guess it.
        var entryId = AppointmentIdOf(sessionId, $"waitlist:{Guid.NewGuid():N}");
        return await Pool(sessionId).JoinWaitlistAsync(new WaitlistJoin(entryId, PatientId, actor));
    }

    public async Task TakeOfferAsync(AppointmentView offer, int departmentId)
    {
        await LoadAsync();
        // Loaded after the offer's commit, the list may already hold it: the checks below must not count it against itself.
        if (_appointments.Find(a => a.Id == offer.Id) is { Status: not AppointmentStatus.Held }) return;
        _appointments.RemoveAll(a => a.Id == offer.Id);
        try
        {
            Freezes.EnsureNotFrozen(FrozenSubject.Patient, _freeze);
            await EnsureMayBookAsync(departmentId, SessionKey.Parse(offer.SessionId).Date, exceptId: null);
        }
        catch (RuleConflictException refused)
        {
            await Pool(offer.SessionId).DeclineOfferAsync(offer.Id, refused.Message);
            return;
        }
        Remember(offer, departmentId, idempotencyKey: null);
    }
}
