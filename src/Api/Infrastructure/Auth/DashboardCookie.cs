namespace Hospital.Api.Infrastructure.Auth;

/// <summary>
/// How a browser presents a hospital admin's access token to the Orleans dashboard, which cannot send a bearer header: a
/// cookie set by the dashboard sign-in, HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it) and
/// sent to the dashboard's paths only. It lives as long as the token, and the bearer handler reads it on those paths alone.
/// </summary>
public static class DashboardCookie
{
    public const string Name = "hospital_dashboard";
    public const string Path = "/dashboard";

    /// <summary>The sign-in page that sets the cookie (DashboardSignInApi).</summary>
    public const string SignInPath = "/dashboard-login";

    /// <summary>The token in the cookie on a dashboard path, or null (every other path takes bearer headers only).</summary>
    public static string? Token(HttpRequest request) =>
        request.Path.StartsWithSegments(Path) && request.Cookies.TryGetValue(Name, out var token) && token.Length > 0 ? token : null;

    /// <summary>A browser navigating to a dashboard page (it asks for HTML), not the page's scripts or data calls.</summary>
    public static bool IsPageRequest(HttpRequest request) =>
        request.Path.StartsWithSegments(Path) && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static void Set(HttpResponse response, string accessToken, TimeSpan lifetime) =>
        response.Cookies.Append(Name, accessToken, new CookieOptions
        {
            Path = Path,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = lifetime,
        });
}
