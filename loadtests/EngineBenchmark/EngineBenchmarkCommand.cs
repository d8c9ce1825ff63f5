using System.CommandLine;
using Spectre.Console;

namespace Hospital.LoadTests.EngineBenchmark;

/// <summary>
/// `engine-bench`: the same hot-session burst against the same MariaDB, in one process and one run, by the engine and by
/// the plain SQL approach; prints both, the ratio of successful bookings per second, and the oversell check of each.
/// </summary>
internal static class EngineBenchmarkCommand
{
    public static Command Create()
    {
        var connection = new Option<string>("--connection-string") { Description = "MySQL/MariaDB server (user must be allowed to create databases).", Required = true };
        var requests = new Option<int>("--requests") { Description = "Booking requests per contender per round; the session has as many slots.", DefaultValueFactory = _ => 20_000 };
        var callers = new Option<int>("--callers") { Description = "Concurrent callers.", DefaultValueFactory = _ => 64 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds; medians are printed.", DefaultValueFactory = _ => 3 };
        var command = new Command("engine-bench", "Engine (grains + group commit) against a transaction per request, on one hot session.")
            { connection, requests, callers, rounds };
        command.SetAction(parse => RunAsync(parse.GetValue(connection)!, parse.GetValue(requests), parse.GetValue(callers), parse.GetValue(rounds)));
        return command;
    }

    private static async Task<int> RunAsync(string connectionString, int requests, int callers, int rounds)
    {
        var results = new List<(BurstResult Engine, BurstResult Plain)>();
        for (var round = 1; round <= rounds; round++)
        {
            var (engineSession, plainSession) = (BenchmarkDatabase.SessionId(0), BenchmarkDatabase.SessionId(1));
            var (engineRehearsal, plainRehearsal) = (BenchmarkDatabase.SessionId(2), BenchmarkDatabase.SessionId(3));
            var database = await BenchmarkDatabase.CreateAsync(connectionString, (engineSession, requests), (plainSession, requests),
                (engineRehearsal, BenchRehearsal.Requests), (plainRehearsal, BenchRehearsal.Requests));
            var plain = await PlainSqlContender.RunAsync(database, plainSession, plainRehearsal, requests, callers);
            var engine = await EngineContender.RunAsync(database, engineSession, engineRehearsal, requests, callers);
            results.Add((engine, plain));
            AnsiConsole.MarkupLine($"round {round}: engine {engine.BookingsPerSecond:N0}/s, plain {plain.BookingsPerSecond:N0}/s, ratio {engine.BookingsPerSecond / plain.BookingsPerSecond:N1}x");
        }
        Print(results);
        return results.All(r => r.Engine.Oversold == 0 && r.Plain.Oversold == 0 && r.Engine.Errors == 0 && r.Plain.Errors == 0) ? 0 : 1;
    }

    private static void Print(List<(BurstResult Engine, BurstResult Plain)> results)
    {
        static double Median(IEnumerable<double> values) { var v = values.Order().ToArray(); return v[v.Length / 2]; }
        var table = new Table().AddColumns("contender", "requests", "booked", "sold out", "errors", "bookings/s", "p50 ms", "p99 ms", "oversold");
        foreach (var pick in new Func<(BurstResult Engine, BurstResult Plain), BurstResult>[] { r => r.Engine, r => r.Plain })
        {
            var runs = results.Select(pick).ToList();
            table.AddRow(runs[0].Contender, $"{runs[0].Requests:N0}", $"{Median(runs.Select(r => (double)r.Booked)):N0}", $"{Median(runs.Select(r => (double)r.SoldOut)):N0}",
                $"{runs.Sum(r => r.Errors)}", $"{Median(runs.Select(r => r.BookingsPerSecond)):N0}", $"{Median(runs.Select(r => r.P50Ms)):N2}",
                $"{Median(runs.Select(r => r.P99Ms)):N2}", $"{runs.Sum(r => r.Oversold)}");
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"median ratio engine/plain (successful bookings/s): [bold]{Median(results.Select(r => r.Engine.BookingsPerSecond / r.Plain.BookingsPerSecond)):N1}x[/]");
    }
}
