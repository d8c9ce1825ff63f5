using Hospital.Grains.Abstractions.Accounts;

namespace Hospital.Grains.Accounts;

/// <summary>The decisions of a phone's login, free of the runtime so that tests call them directly.</summary>
public static class PhoneLoginRules
{
    /// <summary>Whether a new code may go out now; when it may, the state after sending one with <paramref name="codeHash"/>.</summary>
    public static (SmsCodeRequestResult Result, PhoneLoginState? Next) Issue(
        PhoneLoginState state, string codeHash, DateTimeOffset now, DateOnly today, DateTimeOffset tomorrowStarts, SmsCodeOptions options)
    {
        if (state.LastSentAt is { } last && now < last + options.ResendInterval)
            return (new SmsCodeRequestResult(SmsCodeOutcome.TooSoon, null, last + options.ResendInterval - now), null);
        var sentToday = state.SentOn == today ? state.SentThatDay : 0;
        if (sentToday >= options.DailyLimit)
            return (new SmsCodeRequestResult(SmsCodeOutcome.DailyLimit, null, tomorrowStarts - now), null);
        var expiresAt = now + options.Lifetime;
        return (new SmsCodeRequestResult(SmsCodeOutcome.Sent, expiresAt, options.ResendInterval),
            new PhoneLoginState { CodeHash = codeHash, CodeExpiresAt = expiresAt, TriesLeft = options.MaxTries, LastSentAt = now, SentOn = today, SentThatDay = sentToday + 1 });
    }

    /// <summary>The verdict on a code whose hash is <paramref name="presentedHash"/>, and the state after it (null: unchanged).</summary>
    public static (SmsCodeCheck Check, PhoneLoginState? Next) Verify(PhoneLoginState state, string presentedHash, DateTimeOffset now, Func<string, string, bool> same)
    {
        if (state.CodeHash is null || state.TriesLeft <= 0 || now >= state.CodeExpiresAt)
            return (new SmsCodeCheck(SmsCodeVerdict.NoCode, 0), null);
        if (same(state.CodeHash, presentedHash))
            return (new SmsCodeCheck(SmsCodeVerdict.Accepted, 0), state with { CodeHash = null, TriesLeft = 0 });
        var left = state.TriesLeft - 1;
        return (new SmsCodeCheck(SmsCodeVerdict.Wrong, left), state with { CodeHash = left == 0 ? null : state.CodeHash, TriesLeft = left });
    }
}
