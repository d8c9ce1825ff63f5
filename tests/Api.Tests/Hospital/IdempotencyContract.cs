using System.Net;
using System.Net.Http.Json;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Hospital;

/// <summary>A client retrying a booking with its Idempotency-Key never books twice.</summary>
public abstract class IdempotencyContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task PostAppointment_RetriedSequentiallyWithTheSameKey_ReturnsTheSameAppointmentAndStoresOneRow()
    {
        var patient = await RegisterPatientAsync();
        var session = TestCatalog.Session(1);

        var first = await HoldAsync(session, patient, key: "retry-1");
        var second = await HoldAsync(session, patient, key: "retry-1");

        Assert.Equal((first.Id, first.SlotNo), (second.Id, second.SlotNo));
        Assert.Equal([first.Id], (await AppointmentRowsAsync(session)).Select(r => r.Id));
    }

    [ContractFact]
    public async Task PostAppointment_TenAtOnceWithTheSameKey_AllReturnTheSameAppointmentAndStoreOneRow()
    {
        var patient = await RegisterPatientAsync();
        var session = TestCatalog.Session(1);
        var client = Client;

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => PostAppointmentAsync(client, session, patient, "retry-10"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var answers = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<AppointmentView>(Json)));
        var only = Assert.Single(answers.Select(a => (a!.Id, a.SlotNo)).Distinct());
        Assert.Equal([only.Id], (await AppointmentRowsAsync(session)).Select(r => r.Id));
    }

    [ContractFact]
    public async Task PostAppointment_WithoutIdempotencyKey_Returns400WithAFieldErrorForTheHeaderAndStoresNothing()
    {
        var patient = await RegisterPatientAsync();
        var session = TestCatalog.Session(1);

        var response = await PostAppointmentAsync(Client, session, patient, key: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemResponse.ReadAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Empty(await AppointmentRowsAsync(session));
    }
}

public sealed class SqliteIdempotencyContract(SqliteDatabaseFixture fixture) : IdempotencyContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbIdempotencyContract(MariaDbDatabaseFixture fixture) : IdempotencyContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
