using System.Net;
using Hospital.Api.Apis;
using Hospital.Api.Tests.Hospital;
using Hospital.TestSupport.Databases;

namespace Hospital.Api.Tests.Admin;

/// <summary><c>Silo:Dashboard</c> decides whether the node runs Orleans' dashboard and serves its pages.</summary>
public sealed class DashboardSwitchTests(SqliteDatabaseFixture fixture) : HospitalApiContractBase(fixture), IClassFixture<SqliteDatabaseFixture>
{
    [Fact]
    public async Task Dashboard_WhenSwitchedOff_IsNotServed()
    {
        var client = StartApp(new Dictionary<string, string?> { ["Silo:Dashboard"] = "false" }).CreateClient();

        var response = await client.GetAsync($"{AdminDashboard.Path}/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_WhenSwitchedOn_AsksForAHospitalAdmin()
    {
        var client = StartApp(new Dictionary<string, string?> { ["Silo:Dashboard"] = "true" }).CreateClient();

        var response = await client.GetAsync($"{AdminDashboard.Path}/DashboardCounters");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
