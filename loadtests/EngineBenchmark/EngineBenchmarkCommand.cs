using System.CommandLine;
using Spectre.Console;

namespace Hospital.LoadTests.EngineBenchmark;

/// <summary>
/// `engine-bench`: the same hot-session burst against the same MariaDB, in one process and one run, by the engine and by
/// the plain SQL approach; prints both, the ratio of successful bookings per second, and the oversell check of each. Then
/// the database floor (<see cref="DatabaseFloor"/>): the engine's rows written again by the server alone, which bounds the
/// ratio any approach storing those rows could reach on this machine. Each contender's CPU per booking, ours and the local
/// server's (<see cref="CpuUse"/>), says where a gap to the floor comes from.
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
        var results = new List<RoundResult>();
        for (var round = 1; round <= rounds; round++)
        {
            var (engineSession, plainSession) = (BenchmarkDatabase.SessionId(0), BenchmarkDatabase.SessionId(1));
            var (engineRehearsal, plainRehearsal) = (BenchmarkDatabase.SessionId(2), BenchmarkDatabase.SessionId(3));
            var database = await BenchmarkDatabase.CreateAsync(connectionString, (engineSession, requests), (plainSession, requests),
                (engineRehearsal, BenchRehearsal.Requests), (plainRehearsal, BenchRehearsal.Requests));
            var plain = await PlainSqlContender.RunAsync(database, plainSession, plainRehearsal, requests, callers);
            var engine = await EngineContender.RunAsync(database, engineSession, engineRehearsal, requests, callers);
            var floor = await DatabaseFloor.RunAsync(database, await BenchmarkDatabase.CreateAsync(connectionString, (engineSession, requests)),
                engineSession, engine.Booked, callers);
            var result = new RoundResult(engine, plain, floor);
            results.Add(result);
            AnsiConsole.MarkupLine($"round {round}: engine {engine.BookingsPerSecond:N0}/s, plain {plain.BookingsPerSecond:N0}/s, " +
                $"database floor {floor.BookingsPerSecond:N0}/s; engine/plain {result.EngineToPlain:N1}x, floor/plain {result.FloorToPlain:N1}x; " +
                $"CPU µs per booking (ours / server's): engine {engine.Cpu.PerBooking(engine.Booked)}, floor {floor.Cpu.PerBooking(floor.Booked)}");
        }
        Print(results);
        return results.SelectMany(r => new[] { r.Engine, r.Plain, r.Floor }).All(r => r.Oversold == 0 && r.Errors == 0) ? 0 : 1;
    }

    private static void Print(List<RoundResult> results)
    {
        static double Median(IEnumerable<double> values) { var v = values.Order().ToArray(); return v[v.Length / 2]; }
        // The CPU of the round with the median throughput: medians of the two parts taken apart could come from different rounds.
        static string CpuPerBooking(List<BurstResult> runs)
        {
            var median = runs.OrderBy(r => r.BookingsPerSecond).ElementAt(runs.Count / 2);
            return median.Cpu.PerBooking(median.Booked);
        }
        var table = new Table().AddColumns("contender", "requests", "booked", "sold out", "errors", "bookings/s", "p50 ms", "p99 ms", "oversold",
            "CPU µs per booking: ours / server's");
        foreach (var pick in new Func<RoundResult, BurstResult>[] { r => r.Engine, r => r.Plain, r => r.Floor })
        {
            var runs = results.Select(pick).ToList();
            table.AddRow(runs[0].Contender, $"{runs[0].Requests:N0}", $"{Median(runs.Select(r => (double)r.Booked)):N0}", $"{Median(runs.Select(r => (double)r.SoldOut)):N0}",
                $"{runs.Sum(r => r.Errors)}", $"{Median(runs.Select(r => r.BookingsPerSecond)):N0}", $"{Median(runs.Select(r => r.P50Ms)):N2}",
                $"{Median(runs.Select(r => r.P99Ms)):N2}", $"{runs.Sum(r => r.Oversold)}", CpuPerBooking(runs));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"median ratio engine/plain (successful bookings/s): [bold]{Median(results.Select(r => r.EngineToPlain)):N1}x[/]");
        AnsiConsole.MarkupLine($"median ratio database floor/plain, the most any approach storing these rows could reach here: [bold]{Median(results.Select(r => r.FloorToPlain)):N1}x[/]");
        AnsiConsole.MarkupLine($"median share of the floor the engine reaches: [bold]{Median(results.Select(r => r.EngineToFloor)):P0}[/]");
    }

    /// <summary>One round's three figures, on one fresh database.</summary>
    private sealed record RoundResult(BurstResult Engine, BurstResult Plain, BurstResult Floor)
    {
        public double EngineToPlain => Engine.BookingsPerSecond / Plain.BookingsPerSecond;

        public double FloorToPlain => Floor.BookingsPerSecond / Plain.BookingsPerSecond;

        public double EngineToFloor => Engine.BookingsPerSecond / Floor.BookingsPerSecond;
    }
}
