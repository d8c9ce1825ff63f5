using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hospital.Api.Tests.Hospital;

/// <summary>
/// Shared set-up of the HTTP contract suites: per test a fresh database seeded with the <see cref="TestCatalog"/>, the
/// real app over it on a fake clock, and helpers to register patients, book, and read the rows behind the answers.
/// </summary>
public abstract partial class HospitalApiContractBase(TestDatabaseFixture fixture) : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly List<HospitalApiFactory> _apps = [];
    private HospitalApiFactory? _app;
    private HttpClient? _client;

    protected TestDatabase Database { get; private set; } = null!;

    protected FakeTimeProvider Clock { get; } = TestCatalog.NewClock();

    /// <summary>The app with default settings, started on first use.</summary>
    protected HospitalApiFactory App => _app ??= StartApp(configureServices: ConfigureAppServices);

    /// <summary>What a suite changes in the services of <see cref="App"/> (by default nothing).</summary>
    protected virtual void ConfigureAppServices(IServiceCollection services)
    {
    }

    /// <summary>A client of <see cref="App"/>.</summary>
    protected HttpClient Client => _client ??= App.CreateClient();

    public async Task InitializeAsync()
    {
        if (fixture.SkipReason is not null) return;
        Database = await fixture.CreateDatabaseAsync();
        await TestCatalog.SeedAsync(Database);
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
    }

    /// <summary>Starts an app over this test's database, with extra configuration or services when given.</summary>
    protected HospitalApiFactory StartApp(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var app = new HospitalApiFactory(Database, Clock, settings, configureServices);
        _apps.Add(app);
        return app;
    }

    /// <summary>Books as the patient's account when the helpers registered the patient, else as <paramref name="client"/> is signed in.</summary>
    protected Task<HttpResponseMessage> PostAppointmentAsync(HttpClient client, string sessionId, string patientId, string? key, int? slotNo = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/appointments") { Content = JsonContent.Create(new { sessionId, patientId, slotNo }) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        if (_patientTokens.TryGetValue(patientId, out var token)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    /// <summary>Holds a slot and returns the appointment, failing unless the answer is 201.</summary>
    protected async Task<AppointmentView> HoldAsync(string sessionId, string patientId, string? key = null)
    {
        var response = await PostAppointmentAsync(Client, sessionId, patientId, key ?? Guid.NewGuid().ToString());
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AppointmentView>(Json))!;
    }

    /// <summary>Holds and pays, as the patient's account: a Booked appointment.</summary>
    protected async Task<AppointmentView> BookAsync(string sessionId, string patientId)
    {
        var held = await HoldAsync(sessionId, patientId);
        var paid = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/appointments/{held.Id}/pay")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", TokenOf(patientId)) },
        });
        paid.EnsureSuccessStatusCode();
        return (await paid.Content.ReadFromJsonAsync<AppointmentView>(Json))!;
    }

    protected async Task<IReadOnlyList<(string Id, int SlotNo, string Status)>> AppointmentRowsAsync(string sessionId)
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string, long, string)>(
            "SELECT id, slot_no, status FROM appointments WHERE session_id = @sessionId", new { sessionId });
        return rows.Select(r => (r.Item1, (int)r.Item2, r.Item3)).ToList();
    }

    protected async Task<long> ScalarAsync(string sql, object? parameters = null)
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        return Convert.ToInt64(await connection.ExecuteScalarAsync(sql, parameters));
    }

    /// <summary>Rows in the tables a booking or registration writes, to show a refused request wrote nothing.</summary>
    protected async Task<(long Patients, long Appointments, long Audit)> RowCountsAsync() => (
        await ScalarAsync("SELECT COUNT(*) FROM patients"),
        await ScalarAsync("SELECT COUNT(*) FROM appointments"),
        await ScalarAsync("SELECT COUNT(*) FROM appointment_audit"));

    /// <summary>An admin API request as a hospital admin.</summary>
    protected HttpRequestMessage Admin(HttpMethod method, string path, object? body = null) =>
        WithToken(method, path, TestTokens.HospitalAdmin(Clock), body);

    /// <summary>A request with <paramref name="accessToken"/> as its bearer token, or none when null.</summary>
    protected static HttpRequestMessage WithToken(HttpMethod method, string path, string? accessToken, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    /// <summary>A booking on <paramref name="channel"/> for any patient id, as staff (or a patient) holding <paramref name="token"/> sends it.</summary>
    protected static HttpRequestMessage BookingAs(string token, string sessionId, string patientId, BookingChannel channel, string idempotencyKey)
    {
        var request = WithToken(HttpMethod.Post, "/api/appointments", token, new { sessionId, patientId, channel = channel.ToString() });
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }
}
