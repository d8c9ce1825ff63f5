using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Hospital.LoadTests.VisitDay;

/// <summary>
/// Waiting-room screens: listeners on each session's board (GET /api/stream/queues/{sessionId}, Server-Sent Events) for
/// the whole morning. Each records when it first saw each slot number called (Stopwatch time), so the lag from a call's
/// acknowledgement to the board showing it can be measured afterwards, and counts the events and broken streams.
/// </summary>
public sealed class BoardWatcher(HttpClient http)
{
    private readonly ConcurrentDictionary<(string Session, int SlotNo), long> _firstShown = new();
    private int _events;
    private int _broken;

    public int Events => _events;

    /// <summary>Streams that ended or failed before the morning did.</summary>
    public int Broken => _broken;

    /// <summary>When a board of the session first showed the slot called; null if none did.</summary>
    public long? FirstShown(string sessionId, int slotNo) => _firstShown.TryGetValue((sessionId, slotNo), out var at) ? at : null;

    /// <summary>Listens to one session's board until the morning ends.</summary>
    public async Task WatchAsync(string sessionId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"/api/stream/queues/{sessionId}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (!line.StartsWith("data:", StringComparison.Ordinal)) continue;
                var seenAt = Stopwatch.GetTimestamp();
                Interlocked.Increment(ref _events);
                using var board = JsonDocument.Parse(line.AsMemory(5));
                if (board.RootElement.TryGetProperty("calling", out var calling) && calling.ValueKind == JsonValueKind.Object)
                    _firstShown.TryAdd((sessionId, calling.GetProperty("slotNo").GetInt32()), seenAt);
            }
            Interlocked.Increment(ref _broken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is HttpRequestException or IOException or JsonException)
        {
            Interlocked.Increment(ref _broken);
        }
    }
}
