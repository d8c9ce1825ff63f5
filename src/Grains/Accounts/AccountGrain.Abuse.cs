using Hospital.Grains.Abstractions.Abuse;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Waitlists;
using Hospital.Grains.Abuse;

namespace Hospital.Grains.Accounts;

/// <summary>
/// The account's side of anti-scalping: its freeze, read at activation and checked before every hold (Orleans keeps one
/// activation per account in the cluster, so a freeze holds on every node at once), before every move (a move holds a
/// new slot, so an account's moves go through here too) and before every waitlist place (it becomes a hold), and the
/// family-churn watch.
/// </summary>
public sealed partial class AccountGrain
{
    private FreezeState _freeze = FreezeState.Never;

    public async Task<FreezeState> ChangeFreezeAsync(FreezeChange change) =>
        _freeze = await Freezes.ApplyAsync(freezes, FrozenSubject.Account, AccountId, change, Now);

    public Task<AppointmentView> RescheduleAsync(string patientId, string appointmentId, string newSessionId, int newDepartmentId, string idempotencyKey)
    {
        Freezes.EnsureNotFrozen(FrozenSubject.Account, _freeze);
        if (!_members.Exists(m => m.PatientId == patientId))
            throw new NotFoundException("patient.not_found", "There is no such patient on this account.");
        return GrainFactory.GetGrain<IPatientGrain>(patientId).RescheduleAsync(appointmentId, newSessionId, newDepartmentId, idempotencyKey, BookingActor.Account(AccountId));
    }

    public Task<WaitlistEntryView> JoinWaitlistAsync(string patientId, string sessionId, int departmentId)
    {
        Freezes.EnsureNotFrozen(FrozenSubject.Account, _freeze);
        if (!_members.Exists(m => m.PatientId == patientId))
            throw new NotFoundException("patient.not_found", "There is no such patient on this account.");
        return GrainFactory.GetGrain<IPatientGrain>(patientId).JoinWaitlistAsync(sessionId, departmentId, BookingActor.Account(AccountId));
    }

    /// <summary>Records the removal; past the allowed removals in the window the account is flagged (once per window).</summary>
    private async Task WatchRemovalAsync(string patientId)
    {
        var options = detection.Value;
        var now = Now;
        var removals = await flags.RecordRemovalAsync(AccountId, patientId, now, now - options.RemovalWindow);
        if (removals <= options.RemovalsPerWindow) return;
        await flags.RaiseAsync(AccountId, AccountFlagKind.FamilyChurn, FlagWindow.Start(now, options.RemovalWindow),
            $"{removals} patients taken off the account within {options.RemovalWindow.TotalDays:0.#} days (more than {options.RemovalsPerWindow}); latest {patientId}", now);
    }
}
