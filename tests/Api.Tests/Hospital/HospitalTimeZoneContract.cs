using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Hospital;

/// <summary>
/// The hospital's clock is Asia/Shanghai whatever the host's zone: every instant an answer carries is written with +08:00, also
/// those read back from the database (stored in UTC), and every answer names the zone its bare dates are in.
/// </summary>
public abstract partial class HospitalTimeZoneContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    private static readonly TimeZoneInfo HostZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [ContractFact]
    public async Task Answers_OnAHostInAnotherZone_WriteEveryInstantWithTheHospitalsOffset()
    {
        Clock.SetLocalTimeZone(HostZone);
        var session = TestCatalog.Session(1);
        var booked = await BookAsync(session, await RegisterPatientAsync());
        // A second node over the same database reads the appointment and the patient back from storage.
        var fresh = StartApp().CreateClient();
        fresh.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenOf(booked.PatientId));

        var instants = new List<string>();
        foreach (var (client, path) in new[]
                 {
                     (Client, $"/api/appointments/{booked.Id}"), (fresh, $"/api/appointments/{booked.Id}"), (fresh, "/api/patients"),
                     (fresh, $"/api/sessions/{session}"), (fresh, $"/api/departments/{TestCatalog.DepartmentId}/calendar?date={TestCatalog.Today.AddDays(1):yyyy-MM-dd}"),
                 })
            instants.AddRange(Instants(JsonDocument.Parse(await client.GetStringAsync(path)).RootElement));

        Assert.True(instants.Count > 10, $"only {instants.Count} instants found");
        Assert.All(instants, instant => Assert.EndsWith("+08:00", instant));
    }

    [ContractFact]
    public async Task Storage_KeepsEveryInstantInUtc()
    {
        var booked = await BookAsync(TestCatalog.Session(1), await RegisterPatientAsync());
        var addedAt = (await Client.GetFromJsonAsync<JsonElement>("/api/patients"))[0].GetProperty("addedAt").GetDateTimeOffset();

        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        var stored = await connection.QuerySingleAsync<(DateTime HeldAt, DateTime BookedAt)>(
            "SELECT held_at, booked_at FROM appointments WHERE id = @Id", new { booked.Id });
        var storedAddedAt = await connection.QuerySingleAsync<DateTime>("SELECT added_at FROM account_patients WHERE patient_id = @PatientId", new { booked.PatientId });

        Assert.Equal((booked.HeldAt.UtcDateTime, booked.BookedAt!.Value.UtcDateTime, addedAt.UtcDateTime), (stored.HeldAt, stored.BookedAt, storedAddedAt));
    }

    [ContractFact]
    public async Task EveryAnswer_NamesTheHospitalsTimeZone_AlsoAnError()
    {
        var answers = new[]
        {
            await Client.GetAsync($"/api/departments/{TestCatalog.DepartmentId}/calendar"),
            await Client.GetAsync("/api/sessions/no-such-session"),
            await Client.GetAsync("/api/appointments/x"),
            await Client.GetAsync("/health/live"),
        };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized, HttpStatusCode.OK], answers.Select(a => a.StatusCode));
        Assert.All(answers, answer => Assert.Equal("Asia/Shanghai", Assert.Single(answer.Headers.GetValues("Hospital-Time-Zone"))));
    }

    private static IEnumerable<string> Instants(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property => Instants(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Instants),
        JsonValueKind.String when Instant().IsMatch(element.GetString()!) => [element.GetString()!],
        _ => [],
    };

    // A date with a time of day; a bare date (a calendar day) is the hospital's date and carries no offset.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex Instant();
}

public sealed class SqliteHospitalTimeZoneContract(SqliteDatabaseFixture fixture) : HospitalTimeZoneContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbHospitalTimeZoneContract(MariaDbDatabaseFixture fixture) : HospitalTimeZoneContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
