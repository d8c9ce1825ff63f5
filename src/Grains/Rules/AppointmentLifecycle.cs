using System.Collections.Frozen;
using Hospital.Grains.Abstractions.Errors;

namespace Hospital.Grains.Rules;

/// <summary>
/// The appointment state machine: only these moves are allowed, every other one is refused:
/// Held → Booked | Expired | Abandoned | CancelledByHospital (a doctor stop also ends holds still in payment);
/// Booked → CheckedIn | NoShow | Cancelled | Rescheduled | CancelledByHospital;
/// CheckedIn → InVisit | NoShow (missed the call twice) | CancelledByHospital; InVisit → Completed. All other statuses are terminal.
/// </summary>
public static class AppointmentLifecycle
{
    public const string InvalidTransitionCode = "appointment.invalid_transition";

    private static readonly FrozenDictionary<AppointmentStatus, FrozenSet<AppointmentStatus>> s_targets =
        new Dictionary<AppointmentStatus, FrozenSet<AppointmentStatus>>
        {
            [AppointmentStatus.Held] = Set(AppointmentStatus.Booked, AppointmentStatus.Expired, AppointmentStatus.Abandoned, AppointmentStatus.CancelledByHospital),
            [AppointmentStatus.Booked] = Set(AppointmentStatus.CheckedIn, AppointmentStatus.NoShow, AppointmentStatus.Cancelled, AppointmentStatus.Rescheduled, AppointmentStatus.CancelledByHospital),
            [AppointmentStatus.CheckedIn] = Set(AppointmentStatus.InVisit, AppointmentStatus.NoShow, AppointmentStatus.CancelledByHospital),
            [AppointmentStatus.InVisit] = Set(AppointmentStatus.Completed),
        }.ToFrozenDictionary();

    /// <summary>Statuses <paramref name="from"/> may move to; empty for terminal statuses.</summary>
    public static IReadOnlySet<AppointmentStatus> AllowedTargets(AppointmentStatus from) =>
        s_targets.TryGetValue(from, out var targets) ? targets : FrozenSet<AppointmentStatus>.Empty;

    /// <summary>Whether an appointment in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool CanTransition(AppointmentStatus from, AppointmentStatus to) => AllowedTargets(from).Contains(to);

    /// <summary>Throws <see cref="RuleConflictException"/> (<c>appointment.invalid_transition</c>) unless the move is allowed.</summary>
    public static void EnsureTransition(AppointmentStatus from, AppointmentStatus to)
    {
        if (!CanTransition(from, to))
            throw new RuleConflictException(InvalidTransitionCode, $"An appointment cannot go from {from} to {to}.");
    }

    /// <summary>Whether no further move is possible.</summary>
    public static bool IsTerminal(AppointmentStatus status) => AllowedTargets(status).Count == 0;

    /// <summary>Whether the appointment keeps its slot taken; otherwise the slot went back to the pool (or never counted).</summary>
    public static bool OccupiesSlot(AppointmentStatus status) => status is AppointmentStatus.Held or AppointmentStatus.Booked
        or AppointmentStatus.CheckedIn or AppointmentStatus.InVisit or AppointmentStatus.Completed or AppointmentStatus.NoShow;

    private static FrozenSet<AppointmentStatus> Set(params AppointmentStatus[] statuses) => statuses.ToFrozenSet();
}
