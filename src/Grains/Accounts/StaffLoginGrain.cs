using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Catalog;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hospital.Grains.Accounts;

/// <summary>
/// Password checks of one staff id. Non-reentrant, so parallel guesses are counted in turn; each reads the row afresh
/// and writes it version-checked, so a second activation (another node, a split view) cannot lose a count either.
/// An unknown id costs one hash check like a known one and answers the same, so answers do not tell which ids exist.
/// </summary>
public sealed partial class StaffLoginGrain(
    IStaffUserStore store,
    IPasswordHasher<StaffUser> hasher,
    IOptions<StaffLockoutOptions> options,
    HospitalClock clock,
    ILogger<StaffLoginGrain> logger) : Grain, IStaffLoginGrain
{
    private string StaffId => this.GetPrimaryKeyString();

    public async Task<StaffIdentity?> LoginAsync(string password) =>
        await CheckAsync(password) is { } user ? user.Identity : null;

    public async Task<StaffIdentity?> ChangePasswordAsync(string currentPassword, string newPassword)
    {
        StaffPasswordPolicy.Check(newPassword, StaffId, "newPassword");
        if (await CheckAsync(currentPassword) is not { } user) return null;
        var changed = await store.UpdateAsync(user with { PasswordHash = hasher.HashPassword(user, newPassword), MustChangePassword = false });
        LogPasswordChanged(StaffId);
        return changed.Identity;
    }

    // The user after a successful check (counters reset and stored), or null after a failed one (counted and stored).
    private async Task<StaffUser?> CheckAsync(string password)
    {
        var user = await store.FindAsync(StaffId);
        if (user is null)
        {
            hasher.VerifyHashedPassword(UnknownUser, UnknownUser.PasswordHash, password);
            LogFailed(StaffId, "unknown id");
            return null;
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        var (succeeded, next) = StaffLockout.Attempt(user, verdict != PasswordVerificationResult.Failed, clock.GetUtcNow(), options.Value);
        if (succeeded && verdict == PasswordVerificationResult.SuccessRehashNeeded) next = next with { PasswordHash = hasher.HashPassword(next, password) };
        if (next != user) next = await store.UpdateAsync(next);
        if (succeeded) return next;
        LogFailed(StaffId, next.LockedUntil is null ? $"{next.FailedCount} failure(s) in a row" : $"locked until {next.LockedUntil:O}");
        return null;
    }

    // A hash of a random password, so that checking an unknown id takes as long as checking a known one.
    private static readonly StaffUser UnknownUser = CreateUnknownUser();

    private static StaffUser CreateUnknownUser()
    {
        var user = new StaffUser("", "", "", [], null, "", false, 0, null, 0, DateTimeOffset.MinValue);
        return user with { PasswordHash = new PasswordHasher<StaffUser>().HashPassword(user, Guid.NewGuid().ToString()) };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff login for {StaffId} failed: {Reason}")]
    private partial void LogFailed(string staffId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {StaffId} changed their password")]
    private partial void LogPasswordChanged(string staffId);
}
