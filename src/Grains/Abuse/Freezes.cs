using Hospital.Grains.Abstractions.Abuse;
using Hospital.Grains.Abstractions.Errors;

namespace Hospital.Grains.Abuse;

/// <summary>The rules of freezing shared by the account's and the patient's grains.</summary>
public static class Freezes
{
    public const string AccountFrozenCode = "account.frozen";
    public const string PatientFrozenCode = "patient.frozen";

    /// <summary>Longest reason an admin may give (the audit column holds 256 characters).</summary>
    public const int MaxReasonLength = 256;

    /// <summary>Throws the 409 a hold for a frozen subject gets; does nothing when it is not frozen.</summary>
    public static void EnsureNotFrozen(FrozenSubject subject, FreezeState state)
    {
        if (!state.Frozen) return;
        throw subject == FrozenSubject.Account
            ? new RuleConflictException(AccountFrozenCode, "This account is frozen by the hospital and cannot book; please contact the hospital.")
            : new RuleConflictException(PatientFrozenCode, "This patient is frozen by the hospital and cannot be booked for; please contact the hospital.");
    }

    /// <summary>Records a change at <paramref name="now"/> (the API has checked the reason: required, at most <see cref="MaxReasonLength"/>).</summary>
    public static async Task<FreezeState> ApplyAsync(IFreezeStore store, FrozenSubject subject, string id, FreezeChange change, DateTimeOffset now)
    {
        var state = new FreezeState(change.Frozen, change.Reason, change.Actor, now);
        await store.AppendAsync(subject, id, state);
        return state;
    }
}
