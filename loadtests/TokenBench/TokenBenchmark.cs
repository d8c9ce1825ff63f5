using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Hospital.LoadTests.Runtime;
using Microsoft.IdentityModel.JsonWebTokens;
using Spectre.Console;

namespace Hospital.LoadTests.TokenBench;

/// <summary>
/// What bearer validation costs per request: the same clients drive an anonymous endpoint and a patient-only one on the same
/// server (<see cref="TokenBenchServer"/>); the difference of the time per request is what authentication and the policy check
/// add. Then the raw handler: JsonWebTokenHandler.ValidateTokenAsync with the server's own parameters, one thread. Each
/// measurement runs several rounds (the two endpoints in alternating order); medians are printed.
/// </summary>
internal sealed class TokenBenchmark(int rounds, int clients, int requestsPerClient, int validations)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLine($"[grey]{Environment.ProcessorCount} cores, server GC: {System.Runtime.GCSettings.IsServerGC}, {clients} clients, " +
                               $"{requestsPerClient:N0} requests each, {rounds} rounds, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC[/]");
        await using var server = await TokenBenchServer.StartAsync(cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = server.Address };

        await MeasureAsync(http, TokenBenchServer.AnonymousPath, null, requestsPerClient / 10, cancellationToken); // warm-up: JIT, connections
        await MeasureAsync(http, TokenBenchServer.PatientPath, server.PatientToken, requestsPerClient / 10, cancellationToken);
        List<Measurement> anonymous = [], bearer = [];
        for (var round = 0; round < rounds && !cancellationToken.IsCancellationRequested; round++)
        {
            if (round % 2 == 0) anonymous.Add(await MeasureAsync(http, TokenBenchServer.AnonymousPath, null, requestsPerClient, cancellationToken));
            bearer.Add(await MeasureAsync(http, TokenBenchServer.PatientPath, server.PatientToken, requestsPerClient, cancellationToken));
            if (round % 2 == 1) anonymous.Add(await MeasureAsync(http, TokenBenchServer.AnonymousPath, null, requestsPerClient, cancellationToken));
            AnsiConsole.MarkupLine($"[grey]round {round + 1}: anonymous {anonymous[^1].CallsPerSecond:N0} req/s, bearer {bearer[^1].CallsPerSecond:N0} req/s[/]");
        }

        var (withoutToken, withToken) = (Measurement.Median(anonymous), Measurement.Median(bearer));
        var table = new Table().AddColumns("endpoint", "req/s", "µs per request", "p50 µs", "p99 µs");
        table.AddRow("anonymous", $"{withoutToken.CallsPerSecond:N0}", $"{PerRequest(withoutToken):N1}", $"{withoutToken.P50Microseconds:N0}", $"{withoutToken.P99Microseconds:N0}");
        table.AddRow("patient bearer", $"{withToken.CallsPerSecond:N0}", $"{PerRequest(withToken):N1}", $"{withToken.P50Microseconds:N0}", $"{withToken.P99Microseconds:N0}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"bearer validation and the policy check add [bold]{PerRequest(withToken) - PerRequest(withoutToken):N1} µs[/] per request " +
                               $"(an endpoint that does nothing loses {1 - withToken.CallsPerSecond / withoutToken.CallsPerSecond:P1} of its throughput)");

        var raw = new List<double>();
        for (var round = 0; round < rounds && !cancellationToken.IsCancellationRequested; round++)
            raw.Add(await ValidateAsync(server, round == 0 ? validations / 10 : 0, cancellationToken));
        AnsiConsole.MarkupLine($"JsonWebTokenHandler.ValidateTokenAsync, one thread: [bold]{raw.Order().ElementAt(raw.Count / 2):N1} µs[/] per token (median of {raw.Count})");
        return 0;
    }

    /// <summary>Wall-clock time per request at this concurrency: the machine's time each request costs, client included.</summary>
    private static double PerRequest(Measurement measurement) => 1_000_000 / measurement.CallsPerSecond;

    private async Task<Measurement> MeasureAsync(HttpClient http, string path, string? token, int requests, CancellationToken cancellationToken)
    {
        var latencies = new long[clients * requests];
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; i < requests; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, cancellationToken);
                latencies[client * requests + i] = Stopwatch.GetTimestamp() - started;
                // A refused token would measure the cheap path: every answer must be the endpoint's own.
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
            }
        }, cancellationToken)));
        stopwatch.Stop();
        return Measurement.From(latencies.LongLength, stopwatch.Elapsed, latencies);
    }

    /// <summary>Microseconds per ValidateTokenAsync of the patient token with the server's parameters, after <paramref name="warmUp"/> unmeasured ones.</summary>
    private async Task<double> ValidateAsync(TokenBenchServer server, int warmUp, CancellationToken cancellationToken)
    {
        var handler = new JsonWebTokenHandler();
        for (var i = 0; i < warmUp; i++) await handler.ValidateTokenAsync(server.PatientToken, server.ValidationParameters);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < validations && !cancellationToken.IsCancellationRequested; i++)
        {
            var result = await handler.ValidateTokenAsync(server.PatientToken, server.ValidationParameters);
            if (!result.IsValid) throw new InvalidOperationException("The patient token did not validate.", result.Exception);
        }
        return stopwatch.Elapsed.TotalMicroseconds / validations;
    }
}
