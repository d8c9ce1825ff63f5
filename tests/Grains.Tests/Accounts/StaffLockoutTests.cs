using Hospital.Grains.Accounts;

namespace Hospital.Grains.Tests.Accounts;

public sealed class StaffLockoutTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly StaffUser User = new("clerk", "张", "window_clerk", [1], null, "hash", false, 0, null, 1, Now);

    [Fact]
    public void Attempt_TheFifthWrongPasswordInARow_LocksForFifteenMinutes()
    {
        var user = User;
        for (var i = 0; i < 5; i++) (_, user) = StaffLockout.Attempt(user, passwordMatches: false, Now, new StaffLockoutOptions());

        Assert.Equal(Now.AddMinutes(15), user.LockedUntil);
        Assert.False(StaffLockout.Attempt(user, passwordMatches: true, Now.AddMinutes(14), new StaffLockoutOptions()).Succeeded);
        Assert.True(StaffLockout.Attempt(user, passwordMatches: true, Now.AddMinutes(15), new StaffLockoutOptions()).Succeeded);
    }

    [Fact]
    public void Attempt_ARightPassword_ResetsTheCount()
    {
        var (_, failed) = StaffLockout.Attempt(User, passwordMatches: false, Now, new StaffLockoutOptions());

        var (succeeded, next) = StaffLockout.Attempt(failed, passwordMatches: true, Now, new StaffLockoutOptions());

        Assert.Equal((1, true, 0), (failed.FailedCount, succeeded, next.FailedCount));
    }
}
