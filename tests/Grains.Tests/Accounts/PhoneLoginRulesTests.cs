using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Accounts;

namespace Hospital.Grains.Tests.Accounts;

public sealed class PhoneLoginRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.DateTime);
    private static readonly SmsCodeOptions Options = new();

    [Fact]
    public void Issue_TheEleventhCodeOfADay_IsRefusedUntilMidnight()
    {
        var state = PhoneLoginState.Empty with { SentOn = Today, SentThatDay = 10, LastSentAt = Now.AddHours(-1) };

        var (result, next) = PhoneLoginRules.Issue(state, "h", Now, Today, Now.Date.AddDays(1), Options);

        Assert.Equal((SmsCodeOutcome.DailyLimit, (PhoneLoginState?)null), (result.Outcome, next));
        Assert.Equal(Now.Date.AddDays(1) - Now, result.RetryAfter);
    }

    [Fact]
    public void Issue_OnANewDay_StartsTheCountAgain()
    {
        var state = PhoneLoginState.Empty with { SentOn = Today.AddDays(-1), SentThatDay = 10, LastSentAt = Now.AddHours(-9) };

        var (result, next) = PhoneLoginRules.Issue(state, "h", Now, Today, Now.Date.AddDays(1), Options);

        Assert.Equal((SmsCodeOutcome.Sent, 1, 5), (result.Outcome, next!.SentThatDay, next.TriesLeft));
    }

    [Fact]
    public void Verify_TheRightCode_UsesItUp()
    {
        var state = PhoneLoginState.Empty with { CodeHash = "h", CodeExpiresAt = Now.AddMinutes(5), TriesLeft = 5 };

        var (check, next) = PhoneLoginRules.Verify(state, "h", Now, string.Equals);
        var (again, _) = PhoneLoginRules.Verify(next!, "h", Now, string.Equals);

        Assert.Equal((SmsCodeVerdict.Accepted, SmsCodeVerdict.NoCode), (check.Verdict, again.Verdict));
    }
}
