using System.Net;
using System.Net.Http.Json;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Accounts;

/// <summary>The create-admin command: a hospital admin with the password read outside the command line, who must change it.</summary>
public abstract class CreateAdminCommandContract(TestDatabaseFixture fixture) : AccountsContractBase(fixture)
{
    [ContractFact]
    public async Task CreateAdmin_WithAPasswordFromInput_CreatesAHospitalAdminWhoCanLogIn()
    {
        var app = StartApp(LooseIpLimits);
        var output = new StringWriter();

        var exit = await CreateAdminCommand.RunAsync(app.Services, ["create-admin", "--staff-id", "Chief", "--display-name", "院长"], () => "chief-admin-passphrase", output);
        var login = await app.CreateClient().PostAsJsonAsync("/api/staff/login", new { staffId = "chief", password = "chief-admin-passphrase" });

        Assert.Equal(0, exit);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True((await login.Content.ReadFromJsonAsync<TokenResponse>(Json))!.MustChangePassword);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM staff_users WHERE staff_id = 'chief' AND role = 'hospital_admin'"));
        Assert.DoesNotContain("chief-admin-passphrase", output.ToString());
    }

    [ContractFact]
    public async Task CreateAdmin_TwiceOrWithAWeakPassword_FailsWithExitCode1()
    {
        var app = StartApp();
        await CreateAdminCommand.RunAsync(app.Services, ["create-admin", "--staff-id", "chief2"], () => "chief-admin-passphrase", TextWriter.Null);

        var twice = await CreateAdminCommand.RunAsync(app.Services, ["create-admin", "--staff-id", "chief2"], () => "chief-admin-passphrase", TextWriter.Null);
        var weak = await CreateAdminCommand.RunAsync(app.Services, ["create-admin", "--staff-id", "chief3"], () => "short", TextWriter.Null);
        var usage = await CreateAdminCommand.RunAsync(app.Services, ["create-admin"], () => "chief-admin-passphrase", TextWriter.Null);

        Assert.Equal((1, 1, 2), (twice, weak, usage));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM staff_users WHERE staff_id = 'chief3'"));
    }
}

public sealed class SqliteCreateAdminCommandContract(SqliteDatabaseFixture fixture) : CreateAdminCommandContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbCreateAdminCommandContract(MariaDbDatabaseFixture fixture) : CreateAdminCommandContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
