using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Api.Tests.Hospital;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Access;

/// <summary>
/// Every change of an appointment records who made it, as its audit trail (GET /api/appointments/{id}/audit) shows: the
/// account (<c>account:&lt;id&gt;</c>) or the staff user (<c>staff:&lt;id&gt;</c>) that booked, paid, moved or cancelled it.
/// </summary>
public abstract class AuditActorContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task AnAccountsBooking_PaymentMoveAndCancellation_AreEachRecordedAsTheAccount()
    {
        var patient = await RegisterPatientAsync();
        var account = BookingActor.Account((await Client.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!);
        var booked = await BookAsync(TestCatalog.Session(1), patient);
        var moved = await RescheduleAsync(booked.Id, TestCatalog.Session(2));
        (await Client.PostAsync($"/api/appointments/{moved.Id}/cancel", null)).EnsureSuccessStatusCode();

        Assert.Equal([(null, "Held", account), ("Held", "Booked", account), ("Booked", "Rescheduled", account)], await TrailAsync(booked.Id));
        Assert.Equal([(null, "Booked", account), ("Booked", "Cancelled", account)], await TrailAsync(moved.Id));
    }

    [ContractFact]
    public async Task AWindowBooking_ItsPaymentAndCancellationByTheClerk_AreEachRecordedAsTheClerk()
    {
        var clerk = TestTokens.Staff(Clock, HospitalRoles.WindowClerk, [TestCatalog.DepartmentId]);
        var staff = BookingActor.Staff($"test-{HospitalRoles.WindowClerk}");
        var patient = await RegisterPatientAsync();
        var held = await ReadAsync(await Client.SendAsync(BookingAs(clerk, TestCatalog.Session(1, TestCatalog.SharedDoctor), patient, BookingChannel.PhoneWindow, "window")));

        (await Client.SendAsync(WithToken(HttpMethod.Post, $"/api/appointments/{held.Id}/pay", clerk))).EnsureSuccessStatusCode();
        (await Client.SendAsync(WithToken(HttpMethod.Post, $"/api/appointments/{held.Id}/cancel", clerk))).EnsureSuccessStatusCode();

        Assert.Equal([(null, "Held", staff), ("Held", "Booked", staff), ("Booked", "Cancelled", staff)], await TrailAsync(held.Id));
    }

    [ContractFact]
    public async Task AMoveRecordedAsTheAccount_IsNoNewBookingOfIt_WhenItsBookingsAreCountedAgainOnAnotherNode()
    {
        var patients = new List<string>();
        for (var i = 1; i <= 3; i++) patients.Add(await RegisterPatientAsync(i));
        var booked = await BookAsync(TestCatalog.Session(1), patients[0]);
        await RescheduleAsync(booked.Id, TestCatalog.Session(2));
        await HoldAsync(TestCatalog.Session(3), patients[1]);

        var restarted = StartApp().CreateClient();
        var third = await restarted.SendAsync(WithBookingKey(WithToken(HttpMethod.Post, "/api/appointments", await AccountTokenAsync(),
            new { sessionId = TestCatalog.Session(4), patientId = patients[2] }), "third"));

        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
    }

    private async Task<AppointmentView> RescheduleAsync(string appointmentId, string sessionId)
    {
        var response = await Client.SendAsync(WithBookingKey(
            new HttpRequestMessage(HttpMethod.Post, $"/api/appointments/{appointmentId}/reschedule") { Content = JsonContent.Create(new { sessionId }) },
            $"move-{appointmentId}"));
        return await ReadAsync(response);
    }

    private static HttpRequestMessage WithBookingKey(HttpRequestMessage request, string key)
    {
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<AppointmentView> ReadAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AppointmentView>(Json))!;
    }

    /// <summary>The appointment's audit rows as a hospital admin reads them: from, to and actor.</summary>
    private async Task<List<(string? From, string? To, string? Actor)>> TrailAsync(string appointmentId)
    {
        var trail = await Client.SendAsync(Admin(HttpMethod.Get, $"/api/appointments/{appointmentId}/audit"));
        trail.EnsureSuccessStatusCode();
        return [.. (await trail.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Select(r => (r.GetProperty("from").GetString(), r.GetProperty("to").GetString(), r.GetProperty("actor").GetString()))];
    }
}

public sealed class SqliteAuditActorContract(SqliteDatabaseFixture fixture) : AuditActorContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbAuditActorContract(MariaDbDatabaseFixture fixture) : AuditActorContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
