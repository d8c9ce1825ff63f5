using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hospital.Api.Apis;
using Hospital.Api.Infrastructure.Options;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Tests.Admin;

/// <summary>The Orleans dashboard at /dashboard is for administrators only: every page, asset and data call needs the admin key.</summary>
public sealed partial class AdminDashboardAccessTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private string AdminKey => factory.Services.GetRequiredService<IOptions<ApiOptions>>().Value.AdminKey;

    [Fact]
    public async Task Dashboard_EveryPathWithoutTheAdminKey_Returns401WithABasicChallenge()
    {
        // Read from the routes themselves, so a dashboard upgrade that adds a path is checked too.
        var paths = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!).Where(p => p.StartsWith(AdminDashboard.Path, StringComparison.Ordinal))
            .Select(p => RouteParameter().Replace(p, "1")).ToList();
        Assert.True(paths.Count >= 15, $"only {paths.Count} dashboard routes found: {string.Join(", ", paths)}");
        var client = factory.CreateClient();

        foreach (var path in paths)
        {
            foreach (var credential in new Action<HttpRequestHeaders>[]
                     {
                         _ => { },
                         headers => headers.Authorization = Basic("admin", "wrong-key"),
                         headers => headers.Add(AdminKeyFilter.Header, "wrong-key"),
                     })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                credential(request.Headers);

                var response = await client.SendAsync(request);

                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"GET {path} answered {(int)response.StatusCode}");
                Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
                Assert.Equal("auth.admin_key_required", (await ProblemResponse.ReadAsync(response)).Code());
            }
        }
    }

    [Fact]
    public async Task Dashboard_WithTheAdminKeyAsBasicPassword_ServesThePageItsScriptAndTheGrainTypes()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic("any-user", AdminKey);

        // With the trailing slash: HttpClient drops Authorization when it follows /dashboard's redirect (a browser does not).
        var page = await client.GetAsync($"{AdminDashboard.Path}/");
        var script = await client.GetAsync($"{AdminDashboard.Path}/index.min.js");
        var grainTypes = await client.GetFromJsonAsync<string[]>($"{AdminDashboard.Path}/GrainTypes");

        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Contains("Orleans Dashboard", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("Hospital.Grains.SlotPools.SlotPoolGrain", grainTypes!);
    }

    [Fact]
    public async Task AdminApi_WithTheAdminKeyAsBasicPasswordOnAWrite_Returns401WithoutAChallenge()
    {
        // A browser re-sends remembered Basic credentials even on requests a hostile page starts: they must not change anything.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/sessions/no-such-session/stop") { Content = JsonContent.Create(new { reason = "x" }) };
        request.Headers.Authorization = Basic("admin", AdminKey);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task OpenApiDocument_LeavesTheDashboardOut()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.DoesNotContain(document.GetProperty("paths").EnumerateObject(), path => path.Name.StartsWith(AdminDashboard.Path, StringComparison.Ordinal));
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    // "{page:int}" or "{**path}" in a route pattern: any value reaches the endpoint.
    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
