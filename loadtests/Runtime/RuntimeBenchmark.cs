using System.Diagnostics;
using Spectre.Console;

namespace Hospital.LoadTests.Runtime;

/// <summary>
/// Measures, in one process, calls/s and latency of the grain runtime against two baselines:
/// a locked plain object (the floor of any in-process approach) and a minimal Channel actor
/// (the simplest correct actor). Each measurement runs several rounds; medians are printed.
/// </summary>
internal sealed class RuntimeBenchmark(int rounds, int callsPerCaller)
{
    private const int Callers = 64;
    private const int SpreadKeys = 100_000;

    private static readonly Scenario[] s_scenarios =
    [
        new("one hot grain", Keys: 1),
        new($"{SpreadKeys:N0} grains", Keys: SpreadKeys),
    ];

    private static readonly Func<int, Task<IBenchTarget>>[] s_targets =
    [
        keys => Task.FromResult<IBenchTarget>(new LockedCounterTarget(keys)),
        keys => Task.FromResult<IBenchTarget>(new ChannelActorTarget(keys)),
        async keys => await GrainTarget.StartAsync(keys),
    ];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLine($"[grey]{Environment.ProcessorCount} cores, server GC: {System.Runtime.GCSettings.IsServerGC}, {Callers} callers, {callsPerCaller:N0} calls each, {rounds} rounds[/]");
        var table = new Table().AddColumns("scenario", "target", "calls/s", "p50 µs", "p99 µs");
        var medians = new Dictionary<(string Scenario, string Target), Measurement>();
        foreach (var scenario in s_scenarios)
        {
            foreach (var createTarget in s_targets)
            {
                await using var target = await createTarget(scenario.Keys);
                await MeasureAsync(target, scenario, callsPerCaller / 10); // warm-up: JIT, activations
                List<Measurement> runs = [];
                for (var round = 0; round < rounds && !cancellationToken.IsCancellationRequested; round++)
                {
                    runs.Add(await MeasureAsync(target, scenario, callsPerCaller));
                    AnsiConsole.MarkupLine($"[grey]{scenario.Name} / {target.Name} round {round + 1}: {runs[^1].CallsPerSecond:N0} calls/s[/]");
                }
                var median = Measurement.Median(runs);
                medians[(scenario.Name, target.Name)] = median;
                table.AddRow(scenario.Name, target.Name, $"{median.CallsPerSecond:N0}", $"{median.P50Microseconds:N1}", $"{median.P99Microseconds:N1}");
            }
        }
        AnsiConsole.Write(table);
        foreach (var scenario in s_scenarios) PrintRatio(scenario.Name, medians[(scenario.Name, "grain")], medians[(scenario.Name, "channel actor")]);
        return 0;
    }

    // Reported, not judged: Orleans pays for messaging and isolation on every call, which the Channel actor does not have.
    private static void PrintRatio(string scenario, Measurement grain, Measurement channelActor) =>
        AnsiConsole.MarkupLine($"{scenario}: grain / channel actor throughput [bold]{grain.CallsPerSecond / channelActor.CallsPerSecond:0.00}[/]");

    private static async Task<Measurement> MeasureAsync(IBenchTarget target, Scenario scenario, int calls)
    {
        var latencies = new long[Callers * calls];
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            var random = new Random(caller);
            for (var i = 0; i < calls; i++)
            {
                var key = scenario.Keys == 1 ? 0 : random.Next(scenario.Keys);
                var started = Stopwatch.GetTimestamp();
                await target.CallAsync(key);
                latencies[caller * calls + i] = Stopwatch.GetTimestamp() - started;
            }
        })));
        stopwatch.Stop();
        return Measurement.From(latencies.LongLength, stopwatch.Elapsed, latencies);
    }

    private sealed record Scenario(string Name, int Keys);
}
