using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Hospital;

/// <summary>The live availability stream over HTTP: changes arrive, coalesced, and the last one is the truth.</summary>
public abstract class AvailabilityStreamContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    private const int Bookings = 50;
    private const int Quota = 60;

    [ContractFact]
    public async Task AvailabilityStream_During50QuickBookings_SendsFarFewerEventsThanBookingsAndEndsWithTheFinalCount()
    {
        var session = await CreateSixtySlotSessionAsync();
        var patients = await RegisterPatientsAsync(App, Bookings);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await Client.GetAsync($"/api/stream/availability?departmentId={TestCatalog.DepartmentId}",
            HttpCompletionOption.ResponseHeadersRead, stop.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new ConcurrentQueue<JsonElement>();
        var reader = ReadEventsAsync(await response.Content.ReadAsStreamAsync(stop.Token), events, stop.Token);
        // The stream waits its coalescing interval on the app's clock, so the test keeps that clock moving.
        var pump = PumpClockAsync(TimeSpan.FromMilliseconds(80), stop.Token);

        var client = Client;
        var booked = await Task.WhenAll(patients.Select((patient, i) => Task.Run(() => PostAppointmentAsync(client, session, patient, $"live-{i}"))));
        Assert.All(booked, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var last = await Eventually.ReturnsAsync(() => Task.FromResult(Of(events, session)),
            mine => mine.LastOrDefault().ValueKind != JsonValueKind.Undefined && mine[^1].GetProperty("available").GetInt32() == Quota - Bookings);
        await stop.CancelAsync();
        await Task.WhenAll(reader, pump);

        Assert.Equal(Quota - Bookings, last[^1].GetProperty("available").GetInt32());
        Assert.InRange(last.Count, 1, Bookings / 2);
    }

    [ContractFact]
    public async Task AvailabilityStream_ForADepartmentWithNoSessions_SendsItsHeadersAtOnce()
    {
        var empty = await Client.SendAsync(Admin(HttpMethod.Put, "/api/admin/departments/2",
            new { name = "皮肤科", location = "门诊楼3层", description = "湿疹", windowDays = 7, releaseTime = "07:00:00" }));
        Assert.Equal(HttpStatusCode.NoContent, empty.StatusCode);

        // Nothing will change in that department: without the headers sent first, this waits until it gives up.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var response = await Client.GetAsync("/api/stream/availability?departmentId=2", HttpCompletionOption.ResponseHeadersRead, patience.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> CreateSixtySlotSessionAsync()
    {
        await Client.SendAsync(Admin(HttpMethod.Put, "/api/admin/doctors/3", new
        {
            departmentId = TestCatalog.DepartmentId, name = "直播医生", title = "AttendingPhysician", fee = 50, rating = 4,
        }));
        var template = await Client.SendAsync(Admin(HttpMethod.Put, "/api/admin/doctors/3/templates/Tuesday/Morning",
            new { room = "2A-01", quota = Quota, slotMinutes = 5, phoneWindowShare = 0, doctorAddOnShare = 0 }));
        Assert.Equal(HttpStatusCode.NoContent, template.StatusCode);
        return TestCatalog.Session(1, doctorId: 3);
    }

    private static List<JsonElement> Of(ConcurrentQueue<JsonElement> events, string session) =>
        events.Where(e => e.GetProperty("sessionId").GetString() == session).ToList();
}

public sealed class SqliteAvailabilityStreamContract(SqliteDatabaseFixture fixture) : AvailabilityStreamContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbAvailabilityStreamContract(MariaDbDatabaseFixture fixture) : AvailabilityStreamContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
