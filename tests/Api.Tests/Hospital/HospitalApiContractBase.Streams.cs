using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Hospital.Api.Tests.Hospital;

/// <summary>What the stream suites share: reading a Server-Sent Events body, and a clock that runs while they listen.</summary>
public abstract partial class HospitalApiContractBase
{
    /// <summary>Queues every event's JSON data until the stream ends or the token stops it.</summary>
    protected static async Task ReadEventsAsync(Stream stream, ConcurrentQueue<JsonElement> events, CancellationToken cancellationToken)
    {
        try
        {
            var parser = SseParser.Create(stream, (_, data) => JsonSerializer.Deserialize<JsonElement>(data));
            await foreach (var item in parser.EnumerateAsync(cancellationToken)) events.Enqueue(item.Data);
        }
        catch (Exception e) when (StoppedByToken(e, cancellationToken))
        {
        }
    }

    /// <summary>
    /// The test server's response stream reports a stop as an OperationCanceledException when it lands during a read, but
    /// as an IOException around one when it lands between two reads (the stream is then aborted): both mean "stopped".
    /// </summary>
    private static bool StoppedByToken(Exception e, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested && e is OperationCanceledException or IOException { InnerException: OperationCanceledException };

    /// <summary>Moves the test clock on by <paramref name="step"/> every 20 ms of real time, so coalescing windows pass while events are awaited.</summary>
    protected async Task PumpClockAsync(TimeSpan step, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Clock.Advance(step);
            await Task.Delay(20, CancellationToken.None);
        }
    }
}
