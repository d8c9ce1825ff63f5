using System.Net;
using System.Net.Http.Json;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Accounts;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Api.Tests.Accounts;

/// <summary>Staff login: the first admin, the first-login password change, lockout under parallel guesses, answers that hide which ids exist.</summary>
public abstract class StaffLoginContract(TestDatabaseFixture fixture) : AccountsContractBase(fixture)
{
    private const string Password = "clerk-initial-pass-1";

    [ContractFact]
    public async Task InitialAdmin_MustChangeThePassword_BeforeCreatingStaff()
    {
        var client = StartApp(LooseIpLimits).CreateClient();
        var first = await StaffLoginAsync(client, "admin", "dev-only-admin-password");
        var restricted = (await first.Content.ReadFromJsonAsync<TokenResponse>(Json))!;
        var tooEarly = await SendAsync(client, HttpMethod.Post, "/api/staff/users", restricted.AccessToken, NewClerk("clerk1"));

        var changed = await SendAsync(client, HttpMethod.Post, "/api/staff/password", restricted.AccessToken,
            new { currentPassword = "dev-only-admin-password", newPassword = "a-brand-new-passphrase" });
        var full = (await changed.Content.ReadFromJsonAsync<TokenResponse>(Json))!;
        var created = await SendAsync(client, HttpMethod.Post, "/api/staff/users", full.AccessToken, NewClerk("clerk1"));
        var duplicate = await SendAsync(client, HttpMethod.Post, "/api/staff/users", full.AccessToken, NewClerk("CLERK1"));

        Assert.Equal((true, null), (restricted.MustChangePassword, restricted.RefreshToken));
        Assert.Equal(HttpStatusCode.Forbidden, tooEarly.StatusCode);
        Assert.Equal((HttpStatusCode.OK, false), (changed.StatusCode, full.MustChangePassword));
        Assert.NotNull(full.RefreshToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "staff.exists"), (duplicate.StatusCode, (await ProblemResponse.ReadAsync(duplicate)).Code()));
    }

    [ContractFact]
    public async Task CreateStaff_ByAPatientOrAnonymously_IsRefused()
    {
        var client = StartApp(LooseIpLimits).CreateClient();
        var patient = await LoginAsync(client, "13500001111");

        var byPatient = await SendAsync(client, HttpMethod.Post, "/api/staff/users", patient.AccessToken, NewClerk("clerk2"));
        var anonymous = await SendAsync(client, HttpMethod.Post, "/api/staff/users", null, NewClerk("clerk2"));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized), (byPatient.StatusCode, anonymous.StatusCode));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM staff_users WHERE staff_id = 'clerk2'"));
    }

    [ContractFact]
    public async Task Login_FiveWrongPasswordsAtOnce_LockTheIdForFifteenMinutes()
    {
        var app = StartApp(LooseIpLimits);
        var client = app.CreateClient();
        await app.Services.GetRequiredService<StaffDirectory>().CreateAsync(new NewStaffUser("clerk3", "王窗口", HospitalRoles.WindowClerk, [1], null, Password));

        var guesses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => StaffLoginAsync(client, "clerk3", $"wrong-password-{i:D4}")));
        var rightButLocked = await StaffLoginAsync(client, "clerk3", Password);
        Clock.Advance(TimeSpan.FromMinutes(15));
        var afterLock = await StaffLoginAsync(client, "clerk3", Password);

        Assert.All(guesses, g => Assert.Equal(HttpStatusCode.Unauthorized, g.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, rightButLocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterLock.StatusCode);
    }

    [ContractFact]
    public async Task Login_WithAnUnknownId_AnswersExactlyLikeAWrongPassword()
    {
        var app = StartApp(LooseIpLimits);
        var client = app.CreateClient();
        await app.Services.GetRequiredService<StaffDirectory>().CreateAsync(new NewStaffUser("clerk4", "李窗口", HospitalRoles.WindowClerk, [1], null, Password));

        var wrong = await ProblemResponse.ReadAsync(await StaffLoginAsync(client, "clerk4", "not-the-password"));
        var unknown = await ProblemResponse.ReadAsync(await StaffLoginAsync(client, "nobody-here", "not-the-password"));

        Assert.Equal((wrong.Code(), wrong.GetProperty("title").GetString(), wrong.GetProperty("status").GetInt32()),
            (unknown.Code(), unknown.GetProperty("title").GetString(), unknown.GetProperty("status").GetInt32()));
        Assert.Equal(AuthProblems.InvalidCredentials, unknown.Code());
    }

    [ContractFact]
    public async Task DoctorToken_CarriesRoleDepartmentsAndDoctorId()
    {
        var app = StartApp(LooseIpLimits);
        var client = app.CreateClient();
        await app.Services.GetRequiredService<StaffDirectory>().CreateAsync(new NewStaffUser("dr.wang", "王医生", HospitalRoles.Doctor, [2, 1], 7, Password));
        var restricted = (await (await StaffLoginAsync(client, "dr.wang", Password)).Content.ReadFromJsonAsync<TokenResponse>(Json))!;
        var full = (await (await SendAsync(client, HttpMethod.Post, "/api/staff/password", restricted.AccessToken,
            new { currentPassword = Password, newPassword = "doctor-new-passphrase" })).Content.ReadFromJsonAsync<TokenResponse>(Json))!;

        var me = await (await SendAsync(client, HttpMethod.Get, "/api/me", full.AccessToken)).Content.ReadFromJsonAsync<MeResponse>(Json);

        Assert.Equal(("staff", "dr.wang", HospitalRoles.Doctor, 7, false), (me!.Kind, me.Id, me.Role, me.DoctorId, me.MustChangePassword));
        Assert.Equal([1, 2], me.DepartmentIds!);
    }

    private static Task<HttpResponseMessage> StaffLoginAsync(HttpClient client, string staffId, string password) =>
        client.PostAsJsonAsync("/api/staff/login", new { staffId, password });

    private static object NewClerk(string staffId) =>
        new { staffId, displayName = "张窗口", role = HospitalRoles.WindowClerk, departmentIds = new[] { 1 }, initialPassword = "clerk-initial-pass-1" };
}

public sealed class SqliteStaffLoginContract(SqliteDatabaseFixture fixture) : StaffLoginContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbStaffLoginContract(MariaDbDatabaseFixture fixture) : StaffLoginContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
