namespace Hospital.Api.Infrastructure.Errors;

/// <summary>Stable <c>code</c> values of problems the HTTP layer itself produces; clients switch on them.</summary>
public static class ProblemCodes
{
    public const string RequestInvalid = "request.invalid";
    public const string RequestMalformed = "request.malformed";
    public const string RequestTooLarge = "request.too_large";
    public const string UnsupportedMediaType = "request.unsupported_media_type";
    public const string MethodNotAllowed = "request.method_not_allowed";
    public const string RateLimited = "request.rate_limited";
    public const string Unauthenticated = "auth.unauthenticated";
    public const string Forbidden = "auth.forbidden";
    public const string RouteNotFound = "route.not_found";
    public const string ResourceNotFound = "resource.not_found";
    public const string StateConflict = "state.conflict";
    public const string Overloaded = "server.overloaded";
    public const string Timeout = "server.timeout";
    public const string Unavailable = "server.unavailable";
    public const string StorageUnavailable = "storage.unavailable";
    public const string ServerError = "server.error";
}
