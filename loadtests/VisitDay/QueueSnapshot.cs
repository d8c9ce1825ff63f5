using System.Net.Http.Headers;
using System.Text.Json;
using Hospital.LoadTests.Scenarios;

namespace Hospital.LoadTests.VisitDay;

/// <summary>A session's queue after the morning, as the workstation's API reads it (the queue grain's order): who is called and who waits.</summary>
public sealed record QueueSnapshot(string SessionId, IReadOnlyList<string> Queued)
{
    /// <summary>Reads each session's queue as the hospital admin (GET /api/doctor/sessions/{id}/queue); a refusal is a check failure, so it throws.</summary>
    public static async Task<IReadOnlyList<QueueSnapshot>> ReadAsync(HttpClient http, string? adminToken, IReadOnlyList<string> sessionIds, CancellationToken cancellationToken)
    {
        var queues = new List<QueueSnapshot>();
        foreach (var sessionId in sessionIds)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/doctor/sessions/{sessionId}/queue");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Reading the queue of {sessionId} answered {(int)response.StatusCode}: {body}");
            var queue = JsonDocument.Parse(body).RootElement;
            var waiting = queue.GetProperty("waiting").EnumerateArray().Select(e => e.GetProperty("appointmentId").GetString()!);
            var calling = queue.GetProperty("calling") is { ValueKind: JsonValueKind.Object } c ? [c.GetProperty("appointmentId").GetString()!] : Array.Empty<string>();
            queues.Add(new QueueSnapshot(sessionId, [.. calling, .. waiting]));
        }

        return queues;
    }
}
