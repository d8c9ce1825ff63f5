using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>The answer to a request for an SMS code, whatever the code is for: on its way (202), or refused by the phone's limits (429).</summary>
internal static class SmsCodeAnswers
{
    public static Results<Accepted<SmsCodeResponse>, ProblemHttpResult> From(SmsCodeRequestResult result, string phone, HttpResponse response) => result.Outcome switch
    {
        SmsCodeOutcome.Sent => TypedResults.Accepted((string?)null,
            new SmsCodeResponse(PersonalDataMask.Phone(phone), result.ExpiresAt!.Value, (int)Math.Ceiling(result.RetryAfter.TotalSeconds))),
        SmsCodeOutcome.TooSoon => AuthProblems.TooMany(response, AuthProblems.SmsTooSoon, "A code was sent to this phone a moment ago; wait before asking again.", result.RetryAfter),
        _ => AuthProblems.TooMany(response, AuthProblems.SmsDailyLimit, "This phone had its codes for today; try again tomorrow.", result.RetryAfter),
    };

    public static ProblemHttpResult Unavailable() => AuthProblems.Unavailable(AuthProblems.SmsUnavailable, "No SMS provider is configured (Sms:Sender).");
}
