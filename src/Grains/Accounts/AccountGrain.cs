using Hospital.Grains.Abstractions.Abuse;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abuse;
using Hospital.Grains.Catalog;
using Hospital.Grains.Patients;
using Hospital.Grains.Rules;
using Microsoft.Extensions.Options;

namespace Hospital.Grains.Accounts;

/// <summary>
/// An account's patients and its daily booking limit. Non-reentrant (the default): a booking is counted only after the
/// patient's grain answered, and the next booking of the account waits for that, so parallel taps cannot both pass the
/// limit. Calls go down only (Api → Account → Patient → SlotPool). The counts are rebuilt at activation from the creation
/// audit rows the group commit wrote with the booking itself, so they survive restarts without a write of their own.
/// </summary>
public sealed partial class AccountGrain(
    IFamilyStore store,
    IPatientAccountStore accounts,
    IOptions<BookingRulesOptions> rules,
    HospitalTime hospitalTime,
    HospitalClock time,
    AppointmentIds appointmentIds,
    IFreezeStore freezes,
    IAccountFlagStore flags,
    IOptions<AbuseDetectionOptions> detection) : Grain, IAccountGrain
{
    private readonly List<FamilyMember> _members = [];
    private readonly Dictionary<string, DateTimeOffset> _bookings = [];

    private string AccountId => this.GetPrimaryKeyString();

    private DateTimeOffset Now => hospitalTime.Now(time);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ = await accounts.FindAsync(AccountId, cancellationToken)
            ?? throw new NotFoundException("account.not_found", $"There is no account {AccountId}.");
        _members.AddRange(await store.LoadMembersAsync(AccountId, cancellationToken));
        _freeze = await freezes.LoadAsync(FrozenSubject.Account, AccountId, cancellationToken);
        var startOfToday = hospitalTime.At(hospitalTime.DateOf(Now), TimeOnly.MinValue);
        foreach (var booking in await store.LoadBookingsSinceAsync(BookingActor.Account(AccountId), startOfToday, cancellationToken))
            _bookings[booking.AppointmentId] = booking.HeldAt;
    }

    public async Task<FamilyMember> AddPatientAsync(string patientId, FamilyRelationship relationship)
    {
        if (_members.Find(m => m.PatientId == patientId) is { } existing) return existing;
        BookingLimits.CheckPatientCount(_members.Count, rules.Value).Enforce();
        var member = new FamilyMember(patientId, relationship, Now);
        await store.AddMemberAsync(AccountId, member);
        _members.Add(member);
        return member;
    }

    public async Task<bool> RemovePatientAsync(string patientId)
    {
        if (_members.RemoveAll(m => m.PatientId == patientId) == 0) return false;
        await store.RemoveMemberAsync(AccountId, patientId);
        await WatchRemovalAsync(patientId);
        return true;
    }

    public Task<IReadOnlyList<FamilyMember>> GetPatientsAsync() => Task.FromResult<IReadOnlyList<FamilyMember>>([.. _members]);

    public Task<bool> HasPatientAsync(string patientId) => Task.FromResult(_members.Exists(m => m.PatientId == patientId));

    public async Task<HoldResult> BookAsync(string patientId, BookingRequest request)
    {
        Freezes.EnsureNotFrozen(FrozenSubject.Account, _freeze);
        if (!_members.Exists(m => m.PatientId == patientId))
            throw new NotFoundException("patient.not_found", "There is no such patient on this account.");
        var appointmentId = appointmentIds.Of(request.SessionId, patientId, request.IdempotencyKey);
        if (!_bookings.ContainsKey(appointmentId))
        {
            var today = hospitalTime.DateOf(Now);
            BookingLimits.CheckAccountDailyBookings(_bookings.Values.Count(at => hospitalTime.DateOf(at) == today), rules.Value).Enforce();
        }

        var result = await GrainFactory.Of<IPatientGrain>(patientId).BookAsync(request with { Actor = BookingActor.Account(AccountId) });
        if (result.Appointment is { } held && held.Id == appointmentId) _bookings[held.Id] = held.HeldAt;
        return result;
    }
}
