using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Hospital.LoadTests.Reporting;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// Sends the API's requests for the virtual users, timing and recording each one in the <see cref="RequestLog"/>.
/// Returns null when the run's request cap is spent or its time is up, so every loop of a scenario ends. Patients' calls
/// carry their account's access token; set-up and checks carry <see cref="StaffToken"/>, a hospital admin's.
/// With <paramref name="requestsInFlight"/>, at most that many requests are on the wire at once (the connections of a
/// release's load, <see cref="BookingRound"/>) and a request is timed from when it has one, as the ceiling's are.
/// </summary>
public sealed class HospitalClient(HttpClient http, RequestLog log, string? staffToken, int? requestsInFlight = null)
{
    private readonly SemaphoreSlim? slots = requestsInFlight is { } count ? new SemaphoreSlim(count, count) : null;

    /// <summary>A hospital admin's access token (<see cref="StaffSignIn"/>), or null for runs that need none.</summary>
    public string? StaffToken => staffToken;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiAnswer?> GetAsync(string kind, string path, string? accessToken, CancellationToken cancellationToken) =>
        SendAsync(kind, HttpMethod.Get, path, null, null, null, accessToken, cancellationToken);

    public Task<ApiAnswer?> PostAsync(string kind, string path, object? body, string? idempotencyKey, string? accessToken, CancellationToken cancellationToken) =>
        SendAsync(kind, HttpMethod.Post, path, body is null ? null : JsonBody(body), idempotencyKey, null, accessToken, cancellationToken);

    /// <summary>A form posted to a page (the gateway's cashier), anonymous as a browser is there.</summary>
    public Task<ApiAnswer?> PostFormAsync(string kind, string url, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken) =>
        SendAsync(kind, HttpMethod.Post, url, new FormUrlEncodedContent(fields), null, null, null, cancellationToken);

    /// <summary>
    /// Records a wait that is no single request (a payment from the cashier to our API's final word) with how it ended, so
    /// that it shows in the figures by kind next to the requests.
    /// </summary>
    public void RecordWait(string kind, long startedAt, Outcome outcome, string? code) => log.Record(kind, startedAt, outcome, code, status: 0);

    /// <summary>An admin GET; a refusal here is a failure of the run's checks, so it throws.</summary>
    public async Task<JsonElement> GetAdminAsync(string path, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<JsonElement>(await SendAdminAsync(HttpMethod.Get, path, content: null, cancellationToken));

    /// <summary>
    /// A POST about one doctor session whose id is only in the body (a hold). It also goes in the X-Session-Id header, as
    /// our mobile clients send it, because nginx routes a session's traffic to one node by it and cannot read bodies.
    /// </summary>
    public Task<ApiAnswer?> PostForSessionAsync(string kind, string path, string sessionId, object body, string idempotencyKey, string accessToken,
        CancellationToken cancellationToken) =>
        SendAsync(kind, HttpMethod.Post, path, JsonBody(body), idempotencyKey, sessionId, accessToken, cancellationToken);

    /// <summary>An admin PUT; a refusal here is a set-up failure, so it throws.</summary>
    public Task PutAdminAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAdminAsync(HttpMethod.Put, path, JsonBody(body), cancellationToken);

    /// <summary>Sends as the hospital admin and answers the body; a refusal throws.</summary>
    private async Task<string> SendAdminAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            staffToken ?? throw new InvalidOperationException("This scenario needs a hospital admin: --staff-id and --staff-password."));
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
    }

    private async Task<ApiAnswer?> SendAsync(string kind, HttpMethod method, string path, HttpContent? content, string? idempotencyKey, string? sessionId,
        string? accessToken, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested || !log.TryReserve()) return null;
        if (slots is null) return await SendNowAsync(kind, method, path, content, idempotencyKey, sessionId, accessToken, cancellationToken);
        try
        {
            await slots.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        try
        {
            return await SendNowAsync(kind, method, path, content, idempotencyKey, sessionId, accessToken, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<ApiAnswer?> SendNowAsync(string kind, HttpMethod method, string path, HttpContent? content, string? idempotencyKey, string? sessionId,
        string? accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (sessionId is not null) request.Headers.Add("X-Session-Id", sessionId);
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var json = bytes.Length > 0 && bytes[0] is (byte)'{' or (byte)'[' ? JsonSerializer.Deserialize<JsonElement>(bytes) : default;
            var code = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("code", out var c) ? c.GetString() : null;
            var retryAfter = response.Headers.RetryAfter?.Delta;
            var outcome = ApiAnswer.Classify((int)response.StatusCode, code, retryAfter);
            log.Record(kind, started, outcome, code, (int)response.StatusCode);
            return new ApiAnswer((int)response.StatusCode, outcome, code, json, retryAfter);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        // SocketException: when the API dies just as a connection opens, .NET's handler can throw it unwrapped (ENOTCONN from
        // reading the new socket's remote end point; it ended a fault run in CI, 2026-12-06). To a phone it is one more request
        // without an answer, as an IOException from a body cut off mid-read is.
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or IOException or SocketException)
        {
            log.Record(kind, started, Outcome.Error, e.GetType().Name, status: 0);
            return new ApiAnswer(0, Outcome.Error, e.GetType().Name, default, null);
        }
    }

    /// <summary>
    /// Serialized before sending, so the request carries a Content-Length as phone apps send their small JSON bodies;
    /// JsonContent would stream it with chunked transfer encoding, which costs the server more to read.
    /// </summary>
    private static ByteArrayContent JsonBody(object body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
