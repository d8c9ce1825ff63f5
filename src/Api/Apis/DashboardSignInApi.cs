using Hospital.Api.Infrastructure.Auth;
using Hospital.Grains.Abstractions.Accounts;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Apis;

/// <summary>
/// The dashboard's sign-in for browsers: a form page, and its post, which checks the staff id and password like the staff
/// login (same lockout, same rate limit), admits hospital admins who changed their initial password, and sets
/// <see cref="DashboardCookie"/>. A page, not the hospital's API, so it stays out of the OpenAPI document.
/// </summary>
public static class DashboardSignInApi
{
    public const string Path = DashboardCookie.SignInPath;

    public static IEndpointRouteBuilder MapDashboardSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, () => Page(StatusCodes.Status200OK, "")).ExcludeFromDescription();
        app.MapPost(Path, SignInAsync).RequireRateLimiting(LoginRateLimits.Logins).ExcludeFromDescription();
        return app;
    }

    /// <summary>The form is read by hand: nothing is bound from it, so no antiforgery token is asked for (the cookie is SameSite=Strict).</summary>
    public static async Task<IResult> SignInAsync(HttpContext http, IGrainFactory grains, TokenIssuer tokens, IOptions<AuthOptions> auth)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        var staffId = form?["staffId"].ToString().Trim() ?? "";
        var password = form?["password"].ToString() ?? "";
        var staff = staffId.Length == 0 || password.Length == 0
            ? null
            : await grains.GetGrain<IStaffLoginGrain>(StaffIdentity.Normalize(staffId)).LoginAsync(password);
        if (staff is not { Role: HospitalRoles.HospitalAdmin, MustChangePassword: false })
            return Page(StatusCodes.Status401Unauthorized,
                "<p role=\"alert\">Wrong staff id or password, not a hospital admin, or the initial password is not changed yet (POST /api/staff/password).</p>");
        DashboardCookie.Set(http.Response, tokens.IssueAccessToken(staff), auth.Value.AccessTokenLifetime);
        return Results.Redirect(DashboardCookie.Path, permanent: false, preserveMethod: false);
    }

    private static IResult Page(int status, string message) => Results.Content($"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Hospital dashboard sign-in</title></head>
        <body><h1>Hospital dashboard</h1>{message}
        <form method="post" action="{Path}">
        <label>Staff id <input name="staffId" autocomplete="username" required></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">Sign in</button>
        </form></body></html>
        """, "text/html; charset=utf-8", statusCode: status);
}
