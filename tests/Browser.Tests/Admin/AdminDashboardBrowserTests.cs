using System.Net;
using Hospital.Api.Apis;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Api.Tests.Hospital;
using Hospital.Browser.Tests.Chromium;
using Hospital.TestSupport;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Browser.Tests.Admin;

/// <summary>
/// The Orleans dashboard as an administrator sees it: the real app listening on a loopback port (a browser needs a real
/// socket), a burst of holds through HTTP, then /dashboard in headless chromium.
/// </summary>
public sealed class AdminDashboardBrowserTests(SqliteDatabaseFixture fixture) : HospitalApiContractBase(fixture), IClassFixture<SqliteDatabaseFixture>
{
    private const string SlotPoolGrain = "Hospital.Grains.SlotPools.SlotPoolGrain";

    // The dashboard polls every second and its statistics lag the calls by a flush or two; this bounds a slow CI machine.
    private static readonly float Patience = (float)TimeSpan.FromSeconds(30).TotalMilliseconds;

    [ChromiumFact]
    public async Task Dashboard_AfterABurstOfHolds_ShowsTheSlotPoolGrainAndItsMethods()
    {
        var baseAddress = StartListeningApp(out var app);
        var client = app.CreateClient();
        var session = TestCatalog.Session(1);
        var patients = await RegisterPatientsAsync(app, 4 * TestCatalog.Quota);
        await using var chromium = await DebianChromium.LaunchAsync();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            // Answers the Basic challenge as an administrator's browser would, with the admin key as the password.
            HttpCredentials = new HttpCredentials { Username = "admin", Password = HospitalApiFactory.AdminKey },
        });
        // The burst comes first, as when an admin opens the dashboard after a release peak to see what happened.
        var answers = await Task.WhenAll(patients.Select((patient, i) => PostAppointmentAsync(client, session, patient, $"dashboard-burst-{i}")));
        var page = await context.NewPageAsync();
        var opened = await page.GotoAsync($"{baseAddress}{AdminDashboard.Path}");
        await page.GotoAsync($"{baseAddress}{AdminDashboard.Path}/#/grains");
        // The grains page lists each type by its short name, linking to the type's own page.
        var grainLink = page.GetByRole(AriaRole.Link, new() { Name = "SlotPoolGrain", Exact = true });
        await Expect(grainLink).ToHaveAttributeAsync("href", $"#/grain/{SlotPoolGrain}", new() { Timeout = Patience });
        await grainLink.ClickAsync();

        Assert.Equal((200, $"{baseAddress}{AdminDashboard.Path}/"), (opened?.Status, opened?.Url)); // redirected, credentials kept
        Assert.Equal(TestCatalog.Quota, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        // The type's page: one chart per method called, headed by its name, e.g. "SlotPoolGrain.HoldSlotAsync".
        await Expect(page.Locator("h4", new() { HasTextString = nameof(ISlotPoolGrain.HoldSlotAsync) })).ToBeVisibleAsync(new() { Timeout = Patience });
        await Expect(page.GetByText("Method Profiling")).ToBeVisibleAsync();
    }

    [ChromiumFact]
    public async Task Dashboard_WithoutTheAdminKey_IsRefused()
    {
        var baseAddress = StartListeningApp(out _);
        await using var chromium = await DebianChromium.LaunchAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var answer = page.WaitForResponseAsync(response => response.Url.EndsWith($"{AdminDashboard.Path}/", StringComparison.Ordinal));

        // Chromium meets the Basic challenge with no credentials to give, so it abandons the navigation.
        var refused = await Assert.ThrowsAsync<PlaywrightException>(() => page.GotoAsync($"{baseAddress}{AdminDashboard.Path}/"));
        var script = await context.APIRequest.GetAsync($"{baseAddress}{AdminDashboard.Path}/index.min.js");
        var data = await context.APIRequest.GetAsync($"{baseAddress}{AdminDashboard.Path}/DashboardCounters");

        Assert.Contains("ERR_INVALID_AUTH_CREDENTIALS", refused.Message);
        Assert.Equal((401, 401, 401), ((await answer).Status, script.Status, data.Status));
        Assert.Contains("auth.admin_key_required", await data.TextAsync());
        Assert.DoesNotContain("Orleans Dashboard", await page.TitleAsync());
    }

    /// <summary>Starts this test's app on Kestrel at a free loopback port and returns its address.</summary>
    private string StartListeningApp(out HospitalApiFactory app)
    {
        app = StartApp();
        app.UseKestrel(FreePort.Next());
        app.StartServer();
        return app.CreateClient().BaseAddress!.GetLeftPart(UriPartial.Authority);
    }
}
