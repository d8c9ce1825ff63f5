using System.Net;
using System.Net.Http.Json;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Hospital;

/// <summary>A pool whose mailbox is full turns callers away with 503 + Retry-After instead of queueing them or failing with 500.</summary>
public abstract class BackPressureContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task PostAppointment_BeyondATinyPoolMailbox_Answers503WithRetryAfterNever500AndEveryHoldIsStored()
    {
        var app = StartApp(new Dictionary<string, string?> { ["Silo:MaxRequestsPerActivation"] = "4" });
        var client = app.CreateClient();
        var patients = await RegisterPatientsAsync(app, 300);
        var session = TestCatalog.Session(1);

        var responses = await Task.WhenAll(patients.Select((patient, i) =>
            Task.Run(() => PostAppointmentAsync(client, session, patient, $"pressure-{i}"))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.ServiceUnavailable }));
        var overloaded = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(overloaded);
        foreach (var response in overloaded)
        {
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without a Retry-After delay");
            Assert.Equal("server.overloaded", (await ProblemResponse.ReadAsync(response)).Code());
        }
        var held = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.Created)
            .Select(async r => (await r.Content.ReadFromJsonAsync<AppointmentView>(Json))!.Id));
        Assert.Equal(held.Order(), (await AppointmentRowsAsync(session)).Select(r => r.Id).Order());
    }
}

public sealed class SqliteBackPressureContract(SqliteDatabaseFixture fixture) : BackPressureContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbBackPressureContract(MariaDbDatabaseFixture fixture) : BackPressureContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
