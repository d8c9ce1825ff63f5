namespace Hospital.Grains.Accounts;

/// <summary>The lockout rule, free of the runtime: what one password check does to a staff user's counters.</summary>
public static class StaffLockout
{
    /// <summary>Whether the attempt succeeds and the user's counters after it (the same record when nothing changes).</summary>
    public static (bool Succeeded, StaffUser Next) Attempt(StaffUser user, bool passwordMatches, DateTimeOffset now, StaffLockoutOptions options)
    {
        // A locked id answers "no" to every password; the attempt is not counted, so the lock ends on time.
        if (user.LockedUntil is { } until && now < until) return (false, user);
        if (passwordMatches)
            return (true, user.FailedCount == 0 && user.LockedUntil is null ? user : user with { FailedCount = 0, LockedUntil = null });
        var failures = user.FailedCount + 1;
        return failures >= options.MaxFailures
            ? (false, user with { FailedCount = 0, LockedUntil = now + options.Duration })
            : (false, user with { FailedCount = failures, LockedUntil = null });
    }
}
