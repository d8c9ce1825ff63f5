using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Infrastructure.Auth;

/// <summary>The problems the login endpoints answer with, each with its stable code.</summary>
public static class AuthProblems
{
    public const string CodeInvalid = "auth.code_invalid";
    public const string SmsTooSoon = "auth.sms_too_soon";
    public const string SmsDailyLimit = "auth.sms_daily_limit";
    public const string SmsUnavailable = "sms.unavailable";
    public const string InvalidCredentials = "auth.invalid_credentials";
    public const string RefreshInvalid = "auth.refresh_invalid";

    public static ProblemHttpResult Unauthorized(string code, string title, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status401Unauthorized, extensions: With(code, extensions));

    /// <summary>A 429 with Retry-After (whole seconds, at least 1).</summary>
    public static ProblemHttpResult TooMany(HttpResponse response, string code, string title, TimeSpan retryAfter)
    {
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: title, statusCode: StatusCodes.Status429TooManyRequests, extensions: With(code, null));
    }

    public static ProblemHttpResult Unavailable(string code, string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status503ServiceUnavailable, extensions: With(code, null));

    private static Dictionary<string, object?> With(string code, IDictionary<string, object?>? extensions) =>
        new(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
}
