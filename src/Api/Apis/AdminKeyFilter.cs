using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Hospital.Api.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Apis;

/// <summary>
/// Admits admin requests that present the configured key, compared in constant time, until staff accounts exist (the one
/// place staff roles replace). API clients send it in X-Admin-Key. A browser cannot add a header, so on reads the key is
/// also accepted as the password of HTTP Basic, and a refused read carries the Basic challenge that makes a browser ask.
/// </summary>
/// <remarks>
/// Basic only on GET/HEAD: a browser re-sends remembered Basic credentials on any request to this origin, including one a
/// hostile page triggers, so they must never authorize a change. X-Admin-Key cannot be sent cross-site without CORS.
/// </remarks>
internal sealed class AdminKeyFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public const string Header = "X-Admin-Key";

    /// <summary>The Basic challenge's realm: what a browser shows when it asks for the key (any user name, the key as password).</summary>
    public const string Challenge = "Basic realm=\"Hospital administration\", charset=\"UTF-8\"";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var isRead = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        var presented = request.Headers.ContainsKey(Header) ? request.Headers[Header].ToString() : isRead ? BasicPassword(request) : null;
        if (presented is not null && IsAdminKey(presented)) return await next(context);

        if (isRead) context.HttpContext.Response.Headers.WWWAuthenticate = Challenge;
        return TypedResults.Problem("Send the administrator key in the X-Admin-Key header (or, from a browser, as the password it asks for).",
            statusCode: StatusCodes.Status401Unauthorized, title: "Administrator key required",
            extensions: new Dictionary<string, object?> { ["code"] = "auth.admin_key_required" });
    }

    private bool IsAdminKey(string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(options.Value.AdminKey));

    /// <summary>The password of an <c>Authorization: Basic</c> header (base64 of "user:password"; the user name is ignored), or null.</summary>
    private static string? BasicPassword(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return null;
        var buffer = new byte[header.Parameter.Length];
        if (!Convert.TryFromBase64String(header.Parameter, buffer, out var length)) return null;
        var credentials = Encoding.UTF8.GetString(buffer, 0, length);
        var colon = credentials.IndexOf(':');
        return colon < 0 ? null : credentials[(colon + 1)..];
    }
}
