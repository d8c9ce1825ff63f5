using System.Net;
using System.Net.Http.Json;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.SlotPools;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task PostAppointment_TenAtOnceWithTheSameKey_AllReturnTheSameAppointmentOnlyOnceItIsStored()
    {
        var app = StartApp(configureServices: SlowCommits);
        var patient = (await RegisterPatientsAsync(app, 1)).Single();
        var session = TestCatalog.Session(1);
        var client = app.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            var response = await PostAppointmentAsync(client, session, patient, "retry-10");
            return await AnswerWithStoredStatusAsync(response, session);
        })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Code));
        Assert.All(answers, a => Assert.Equal(a.Answered.Status.ToString(), a.StoredWhenAnswered));
        var only = Assert.Single(answers.Select(a => (a.Answered.Id, a.Answered.SlotNo)).Distinct());
        Assert.Equal([only.Id], (await AppointmentRowsAsync(session)).Select(r => r.Id));
    }

    [ContractFact]
    public async Task Pay_TenAtOnce_EveryAnswerFindsThePaymentStoredWhenItArrives()
    {
        var app = StartApp(configureServices: SlowCommits);
        var patient = (await RegisterPatientsAsync(app, 1)).Single();
        var session = TestCatalog.Session(1);
        var client = app.CreateClient();
        var held = (await (await PostAppointmentAsync(client, session, patient, "pay-10")).Content.ReadFromJsonAsync<AppointmentView>(Json))!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
            await AnswerWithStoredStatusAsync(await client.SendAsync(WithToken(HttpMethod.Post, $"/api/appointments/{held.Id}/pay", TokenOf(patient))), session))));

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, "Booked", "Booked"), (a.Code, a.Answered.Status.ToString(), a.StoredWhenAnswered)));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM payments"));
    }

    /// <summary>Every pool write waits 300 ms before reaching the database, as on a loaded one.</summary>
    private static void SlowCommits(IServiceCollection services) =>
        services.Decorate<ISlotPoolStore>(store => new SlowCommitSlotPoolStore(store, TimeSpan.FromMilliseconds(300)));

    /// <summary>The answer, and the status its appointment had in the database the moment the answer arrived.</summary>
    private async Task<(HttpStatusCode Code, AppointmentView Answered, string? StoredWhenAnswered)> AnswerWithStoredStatusAsync(
        HttpResponseMessage response, string session)
    {
        var answered = (await response.Content.ReadFromJsonAsync<AppointmentView>(Json))!;
        var stored = (await AppointmentRowsAsync(session)).SingleOrDefault(r => r.Id == answered.Id).Status;
        return (response.StatusCode, answered, stored);
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
