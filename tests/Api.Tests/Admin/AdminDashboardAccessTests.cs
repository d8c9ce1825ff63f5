using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hospital.Api.Apis;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Api.Tests.Admin;

/// <summary>
/// The Orleans dashboard at /dashboard is for hospital admins only: every page, asset and data call needs their token, which a
/// browser gets as a cookie from the dashboard's sign-in form.
/// </summary>
public sealed partial class AdminDashboardAccessTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Password = "dashboard-admin-passphrase";

    [Fact]
    public async Task Dashboard_EveryPathWithoutAHospitalAdminsToken_IsRefused()
    {
        // Read from the routes themselves, so a dashboard upgrade that adds a path is checked too.
        var paths = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!).Where(p => p.StartsWith(AdminDashboard.Path + "/", StringComparison.Ordinal) || p == AdminDashboard.Path)
            .Select(p => RouteParameter().Replace(p, "1")).ToList();
        Assert.True(paths.Count >= 15, $"only {paths.Count} dashboard routes found: {string.Join(", ", paths)}");
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var doctor = Token(new StaffIdentity("dr-1", "Doctor", HospitalRoles.Doctor, [1], 1, false));
        var departmentAdmin = Token(new StaffIdentity("da-1", "Dept admin", HospitalRoles.DepartmentAdmin, [1], null, false));

        foreach (var path in paths)
        {
            foreach (var (credential, expected) in new (Action<HttpRequestHeaders>, HttpStatusCode)[]
                     {
                         (_ => { }, HttpStatusCode.Unauthorized),
                         (headers => headers.Add("Cookie", $"{DashboardCookie.Name}=not-a-token"), HttpStatusCode.Unauthorized),
                         (headers => headers.Add("Cookie", $"{DashboardCookie.Name}={doctor}"), HttpStatusCode.Forbidden),
                         (headers => headers.Authorization = new AuthenticationHeaderValue("Bearer", departmentAdmin), HttpStatusCode.Forbidden),
                     })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                credential(request.Headers);

                var response = await client.SendAsync(request);

                Assert.True(response.StatusCode == expected, $"GET {path} answered {(int)response.StatusCode}, not {(int)expected}");
            }
        }
    }

    [Fact]
    public async Task Dashboard_OpenedByABrowserWithoutSigningIn_RedirectsToTheSignInForm()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{AdminDashboard.Path}/");
        request.Headers.Accept.ParseAdd("text/html");

        var page = await client.SendAsync(request);
        var form = await client.GetAsync(DashboardSignInApi.Path);

        Assert.Equal((HttpStatusCode.Redirect, DashboardSignInApi.Path), (page.StatusCode, page.Headers.Location?.OriginalString));
        Assert.Contains("name=\"password\"", await form.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_AsAHospitalAdmin_SetsAStrictHttpOnlyCookieForTheDashboard_WhichServesThePageItsScriptAndTheGrainTypes()
    {
        var staffId = await NewHospitalAdminAsync();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var signedIn = await SignInAsync(client, staffId, Password);
        var page = await client.GetAsync($"{AdminDashboard.Path}/");
        var script = await client.GetAsync($"{AdminDashboard.Path}/index.min.js");
        var grainTypes = await client.GetFromJsonAsync<string[]>($"{AdminDashboard.Path}/GrainTypes");
        var adminApi = await client.GetAsync("/api/admin/catalog/skipped-rows");

        Assert.Equal((HttpStatusCode.Redirect, AdminDashboard.Path), (signedIn.StatusCode, signedIn.Headers.Location?.OriginalString));
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{DashboardCookie.Name}=", cookie);
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Contains("Orleans Dashboard", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("Hospital.Grains.SlotPools.SlotPoolGrain", grainTypes!);
        // The cookie is sent to the dashboard's paths only, and read there only.
        Assert.Equal(HttpStatusCode.Unauthorized, adminApi.StatusCode);
    }

    [Theory]
    [InlineData(HospitalRoles.HospitalAdmin, "wrong-passphrase-here")]
    [InlineData(HospitalRoles.DepartmentAdmin, Password)]
    public async Task SignIn_WithAWrongPasswordOrWithoutTheHospitalAdminRole_Returns401AndNoCookie(string role, string password)
    {
        var staffId = await NewStaffAsync(role);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var refused = await SignInAsync(client, staffId, password);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task SignIn_BeforeTheInitialPasswordIsChanged_Returns401()
    {
        var staffId = $"fresh-{Guid.NewGuid():N}"[..20];
        await factory.Services.GetRequiredService<StaffDirectory>().CreateAsync(
            new NewStaffUser(staffId, "Fresh admin", HospitalRoles.HospitalAdmin, null, null, Password));

        var refused = await SignInAsync(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), staffId, Password);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_LeavesTheDashboardOut()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.DoesNotContain(document.GetProperty("paths").EnumerateObject(), path => path.Name.StartsWith(AdminDashboard.Path, StringComparison.Ordinal));
    }

    private Task<string> NewHospitalAdminAsync() => NewStaffAsync(HospitalRoles.HospitalAdmin);

    /// <summary>A staff user whose initial password was changed to <see cref="Password"/>.</summary>
    private async Task<string> NewStaffAsync(string role)
    {
        var staffId = $"dash-{Guid.NewGuid():N}"[..20];
        await factory.Services.GetRequiredService<StaffDirectory>().CreateAsync(new NewStaffUser(staffId, "Dashboard test", role,
            role == HospitalRoles.HospitalAdmin ? null : [1], null, "initial-passphrase-1"));
        await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IStaffLoginGrain>(staffId).ChangePasswordAsync("initial-passphrase-1", Password);
        return staffId;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string staffId, string password) =>
        client.PostAsync(DashboardSignInApi.Path, new FormUrlEncodedContent(new Dictionary<string, string> { ["staffId"] = staffId, ["password"] = password }));

    private string Token(StaffIdentity staff) => factory.Services.GetRequiredService<TokenIssuer>().IssueAccessToken(staff);

    // "{page:int}" or "{**path}" in a route pattern: any value reaches the endpoint.
    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
