using Microsoft.Net.Http.Headers;

namespace Hospital.Api.Infrastructure.Auth;

/// <summary>
/// A response to a request with credentials is that caller's own (their e-ticket's QR code, appointments, patients), so it
/// says <c>Cache-Control: no-store</c>: no shared proxy and no phone's disk keeps it. Anonymous answers (calendars, health)
/// stay cacheable; an endpoint that sets its own Cache-Control keeps it.
/// </summary>
public static class PrivateResponses
{
    private const string NoStore = "private, no-store";

    private static readonly Func<object, Task> s_markPrivate = state =>
    {
        var response = (HttpResponse)state;
        if (!response.Headers.ContainsKey(HeaderNames.CacheControl)) response.Headers.CacheControl = NoStore;
        return Task.CompletedTask;
    };

    public static IApplicationBuilder UsePrivateResponses(this IApplicationBuilder app) =>
        // Marked as the response starts, because the exception handler clears the headers of a response it replaces.
        app.Use((context, next) =>
        {
            if (context.Request.Headers.ContainsKey(HeaderNames.Authorization) || context.Request.Cookies.Count > 0)
                context.Response.OnStarting(s_markPrivate, context.Response);
            return next(context);
        });
}
