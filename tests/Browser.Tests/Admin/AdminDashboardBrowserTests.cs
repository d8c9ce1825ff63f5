using System.Net;
using Hospital.Api.Apis;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Accounts;
using Hospital.Api.Tests.Hospital;
using Hospital.Browser.Tests.Chromium;
using Hospital.TestSupport;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Browser.Tests.Admin;

/// <summary>
/// The Orleans dashboard as an administrator sees it: the real app listening on a loopback port (a browser needs a real
/// socket), a burst of holds through HTTP, then /dashboard in headless chromium.
/// </summary>
public sealed class AdminDashboardBrowserTests(SqliteDatabaseFixture fixture) : HospitalApiContractBase(fixture), IClassFixture<SqliteDatabaseFixture>
{
    private const string SlotPoolGrain = "Hospital.Grains.SlotPools.SlotPoolGrain";
    private const string AdminPassword = "dashboard-admin-passphrase";

    // The dashboard polls every second and its statistics lag the calls by a flush or two; this bounds a slow CI machine.
    private static readonly float Patience = (float)TimeSpan.FromSeconds(30).TotalMilliseconds;

    [ChromiumFact]
    public async Task Dashboard_AfterABurstOfHolds_ShowsTheSlotPoolGrainAndItsMethods()
    {
        var baseAddress = StartListeningApp(out var app);
        var client = app.CreateClient();
        var session = TestCatalog.Session(1);
        var patients = await RegisterPatientsAsync(app, 4 * TestCatalog.Quota);
        var admin = await HospitalAdminAsync(app);
        await using var chromium = await DebianChromium.LaunchAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        // The burst comes first, as when an admin opens the dashboard after a release peak to see what happened.
        var answers = await Task.WhenAll(patients.Select((patient, i) => PostAppointmentAsync(client, session, patient, $"dashboard-burst-{i}")));
        var page = await context.NewPageAsync();
        // Opening the dashboard leads to its sign-in form, which leads back to the dashboard.
        await page.GotoAsync($"{baseAddress}{AdminDashboard.Path}");
        await page.GetByLabel("Staff id").FillAsync(admin);
        await page.GetByLabel("Password").FillAsync(AdminPassword);
        var opened = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            $"{baseAddress}{AdminDashboard.Path}/");
        await page.GotoAsync($"{baseAddress}{AdminDashboard.Path}/#/grains");
        // The grains page lists each type by its short name, linking to the type's own page.
        var grainLink = page.GetByRole(AriaRole.Link, new() { Name = "SlotPoolGrain", Exact = true });
        await Expect(grainLink).ToHaveAttributeAsync("href", $"#/grain/{SlotPoolGrain}", new() { Timeout = Patience });
        await grainLink.ClickAsync();

        Assert.Equal((200, $"{baseAddress}{AdminDashboard.Path}/"), (opened?.Status, opened?.Url)); // redirected, cookie kept
        Assert.Equal(TestCatalog.Quota, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        // The type's page: one chart per method called, headed by its name, e.g. "SlotPoolGrain.HoldSlotAsync".
        await Expect(page.Locator("h4", new() { HasTextString = nameof(ISlotPoolGrain.HoldSlotAsync) })).ToBeVisibleAsync(new() { Timeout = Patience });
        await Expect(page.GetByText("Method Profiling")).ToBeVisibleAsync();
    }

    [ChromiumFact]
    public async Task Dashboard_WithoutSigningIn_ShowsTheSignInFormAndRefusesItsScriptAndData()
    {
        var baseAddress = StartListeningApp(out _);
        await using var chromium = await DebianChromium.LaunchAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var shown = await page.GotoAsync($"{baseAddress}{AdminDashboard.Path}/");
        var script = await context.APIRequest.GetAsync($"{baseAddress}{AdminDashboard.Path}/index.min.js");
        var data = await context.APIRequest.GetAsync($"{baseAddress}{AdminDashboard.Path}/DashboardCounters");

        Assert.Equal((200, $"{baseAddress}{DashboardSignInApi.Path}"), (shown?.Status, shown?.Url));
        await Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
        Assert.Equal((401, 401), (script.Status, data.Status));
        Assert.DoesNotContain("Orleans Dashboard", await page.TitleAsync());
    }

    /// <summary>A hospital admin who changed the initial password to <see cref="AdminPassword"/>, as one must before signing in.</summary>
    private static async Task<string> HospitalAdminAsync(HospitalApiFactory app)
    {
        const string initial = "initial-passphrase-1";
        var admin = await app.Services.GetRequiredService<StaffDirectory>().CreateAsync(
            new NewStaffUser("dashboard-admin", "Dashboard admin", HospitalRoles.HospitalAdmin, null, null, initial));
        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IStaffLoginGrain>(admin.StaffId).ChangePasswordAsync(initial, AdminPassword);
        return admin.StaffId;
    }

    /// <summary>Starts this test's app on Kestrel at a free loopback port and returns its address.</summary>
    private string StartListeningApp(out HospitalApiFactory app)
    {
        app = StartApp(new Dictionary<string, string?> { ["Silo:Dashboard"] = "true" });
        app.UseKestrel(FreePort.Next());
        app.StartServer();
        return app.CreateClient().BaseAddress!.GetLeftPart(UriPartial.Authority);
    }
}
