using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Hospital;

/// <summary>The e-ticket through HTTP: served to its readers as JSON, SVG and PNG, and scanned at a kiosk to check in by the same rules as the visit code.</summary>
public abstract class ETicketContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task Ticket_OfAPaidBooking_IsServedAsJsonSvgAndPng_AndIsAnotherAccountsNotFound()
    {
        var (booked, token) = await BookAsync(0);
        var otherAccount = (await SignInAccountAsync(App, TestPhone(2))).AccessToken;

        var ticket = await Ok(await SendAsync(HttpMethod.Get, $"/api/appointments/{booked.Id}/ticket", token));
        var svg = await SendAsync(HttpMethod.Get, ticket.GetProperty("svgUrl").GetString()!, token);
        var png = await SendAsync(HttpMethod.Get, ticket.GetProperty("pngUrl").GetString()!, token);
        var stranger = await SendAsync(HttpMethod.Get, $"/api/appointments/{booked.Id}/ticket.png", otherAccount);

        Assert.Equal((booked.Id, booked.SlotNo, "张*"),
            (ticket.GetProperty("appointmentId").GetString(), ticket.GetProperty("slotNo").GetInt32(), ticket.GetProperty("patientName").GetString()));
        Assert.Equal(HospitalTime.China.At(TestCatalog.Today.AddDays(1), TimeOnly.MinValue), ticket.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        var drawing = XDocument.Parse(await svg.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("svg", drawing.Name.LocalName);
        Assert.InRange(int.Parse(drawing.Attribute("width")!.Value), 200, 600);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var (width, height) = PngSize(await png.Content.ReadAsByteArrayAsync());
        Assert.Equal(width, height);
        Assert.InRange(width, 200, 600);
        Assert.Equal((HttpStatusCode.NotFound, "appointment.not_found"), (stranger.StatusCode, (await ProblemResponse.ReadAsync(stranger)).Code()));
        // The QR code lets its holder check in: no cache keeps it (private responses, PrivateResponses).
        Assert.All(new[] { svg, png, stranger }, r => Assert.True(r.Headers.CacheControl?.NoStore, r.RequestMessage?.RequestUri?.ToString()));
        Assert.Null((await App.CreateClient().GetAsync("/api/departments")).Headers.CacheControl);
    }

    [ContractFact]
    public async Task Ticket_OfAnUnpaidHold_IsRefused()
    {
        var patient = await RegisterPatientAsync();
        var held = await HoldAsync(TestCatalog.Session(0), patient);

        var answer = await SendAsync(HttpMethod.Get, $"/api/appointments/{held.Id}/ticket", TokenOf(patient));

        Assert.Equal((HttpStatusCode.Conflict, "ticket.unavailable"), (answer.StatusCode, (await ProblemResponse.ReadAsync(answer)).Code()));
    }

    [ContractFact]
    public async Task CheckIn_ByTheScannedTicket_ChecksInWithoutTheVisitCode()
    {
        var (booked, token) = await BookAsync(0);
        var payload = await PayloadAsync(booked, token);
        Clock.Advance(TimeSpan.FromHours(1)); // 07:30; slot 1 is at 08:00

        var checkedIn = await Ok(await SendAsync(HttpMethod.Post, "/api/check-in/ticket", Clerk(), new { ticket = payload }));
        var again = await Ok(await SendAsync(HttpMethod.Post, "/api/check-in/ticket", Clerk(), new { ticket = payload }));

        Assert.Equal((booked.Id, "CheckedIn"), (checkedIn.GetProperty("id").GetString(), checkedIn.GetProperty("status").GetString()));
        Assert.Equal("CheckedIn", again.GetProperty("status").GetString());
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM appointment_audit WHERE appointment_id = @Id AND to_status = 'CheckedIn'", new { booked.Id }));
    }

    [ContractFact]
    public async Task CheckIn_WithATamperedForeignOrUnreadableTicket_IsA400AndChangesNothing()
    {
        var (booked, token) = await BookAsync(0);
        var payload = await PayloadAsync(booked, token);
        Clock.Advance(TimeSpan.FromHours(1));
        var tampered = payload[..^3] + (payload[^3] == 'A' ? 'B' : 'A') + payload[^2..];

        var altered = await SendAsync(HttpMethod.Post, "/api/check-in/ticket", Clerk(), new { ticket = tampered });
        var unreadable = await SendAsync(HttpMethod.Post, "/api/check-in/ticket", Clerk(), new { ticket = "sandboxpay://pay?order=1" });
        var missing = await SendAsync(HttpMethod.Post, "/api/check-in/ticket", Clerk(), new { });
        var elsewhere = await SendAsync(HttpMethod.Post, "/api/check-in/ticket", Clerk(TestCatalog.DepartmentId + 1), new { ticket = payload });

        Assert.Equal((HttpStatusCode.BadRequest, "ticket.signature_invalid"), (altered.StatusCode, (await ProblemResponse.ReadAsync(altered)).Code()));
        Assert.Equal((HttpStatusCode.BadRequest, "ticket.malformed"), (unreadable.StatusCode, (await ProblemResponse.ReadAsync(unreadable)).Code()));
        Assert.Equal((HttpStatusCode.BadRequest, "request.invalid"), (missing.StatusCode, (await ProblemResponse.ReadAsync(missing)).Code()));
        Assert.Equal((HttpStatusCode.NotFound, "appointment.not_found"), (elsewhere.StatusCode, (await ProblemResponse.ReadAsync(elsewhere)).Code()));
        Assert.Equal("Booked", (await AppointmentRowsAsync(booked.SessionId)).Single().Status);
    }

    [ContractFact]
    public async Task CheckIn_BeforeTheVisitDay_IsTheWrongDay_AndAfterIt_TheTicketHasExpired()
    {
        var (tomorrows, token) = await BookAsync(1);
        var payload = await PayloadAsync(tomorrows, token);

        var early = await SendAsync(HttpMethod.Post, "/api/check-in/ticket", Clerk(), new { ticket = payload });
        Clock.Advance(TimeSpan.FromDays(2));
        var late = await SendAsync(HttpMethod.Post, "/api/check-in/ticket", Clerk(), new { ticket = payload });

        Assert.Equal((HttpStatusCode.Conflict, "checkin.wrong_day"), (early.StatusCode, (await ProblemResponse.ReadAsync(early)).Code()));
        Assert.Equal((HttpStatusCode.Conflict, "ticket.expired"), (late.StatusCode, (await ProblemResponse.ReadAsync(late)).Code()));
    }

    [ContractFact]
    public async Task CheckIn_OfACancelledBooking_IsRefused_AndItHasNoTicketAnyMore()
    {
        var (booked, token) = await BookAsync(0);
        var payload = await PayloadAsync(booked, token);
        (await SendAsync(HttpMethod.Post, $"/api/appointments/{booked.Id}/cancel", token)).EnsureSuccessStatusCode();
        Clock.Advance(TimeSpan.FromHours(1));

        var scanned = await SendAsync(HttpMethod.Post, "/api/check-in/ticket", Clerk(), new { ticket = payload });
        var ticket = await SendAsync(HttpMethod.Get, $"/api/appointments/{booked.Id}/ticket", token);

        Assert.Equal((HttpStatusCode.Conflict, "checkin.not_booked"), (scanned.StatusCode, (await ProblemResponse.ReadAsync(scanned)).Code()));
        Assert.Equal((HttpStatusCode.Conflict, "ticket.unavailable"), (ticket.StatusCode, (await ProblemResponse.ReadAsync(ticket)).Code()));
        Assert.Equal("Cancelled", (await AppointmentRowsAsync(booked.SessionId)).Single().Status);
    }

    /// <summary>A patient of the test's account booked into the 08:00 session <paramref name="daysAhead"/> days from today, and the account's token.</summary>
    private async Task<(AppointmentView Booked, string Token)> BookAsync(int daysAhead)
    {
        var patient = await RegisterPatientAsync();
        return (await BookAsync(TestCatalog.Session(daysAhead), patient), TokenOf(patient));
    }

    private async Task<string> PayloadAsync(AppointmentView booked, string token) =>
        (await Ok(await SendAsync(HttpMethod.Get, $"/api/appointments/{booked.Id}/ticket", token))).GetProperty("payload").GetString()!;

    private string Clerk(int departmentId = TestCatalog.DepartmentId) => TestTokens.Staff(Clock, HospitalRoles.WindowClerk, [departmentId]);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null) =>
        App.CreateClient().SendAsync(WithToken(method, path, token, body));

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The width and height a PNG declares in its header (IHDR), after checking the PNG signature.</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}

public sealed class SqliteETicketContract(SqliteDatabaseFixture fixture) : ETicketContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbETicketContract(MariaDbDatabaseFixture fixture) : ETicketContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
