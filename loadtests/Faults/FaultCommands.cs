using System.CommandLine;
using Hospital.LoadTests.Scenarios;
using Spectre.Console;

namespace Hospital.LoadTests.Faults;

/// <summary>
/// The fault suite's commands (scripts/fault-suite.sh runs them): fault-burst books while the script brings a fault,
/// fault-check reads the database and the API afterwards, fault-summary prints the suite's table.
/// </summary>
public static class FaultCommands
{
    /// <summary>
    /// Enough users that the bookings due during a stalled database pile up, with about 80 of them waiting to pay at any
    /// time (80 bookings a second, a second each on average), few enough for one 2-core machine.
    /// </summary>
    private const int BurstUsers = 128;

    /// <summary>Concurrent reads of the API check.</summary>
    private const int CheckUsers = 16;

    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(Burst());
        root.Subcommands.Add(Check());
        root.Subcommands.Add(Summary());
    }

    private static Command Burst()
    {
        var common = new RunOptions(BurstUsers);
        var fault = new Option<string>("--fault") { Description = "Name of the fault, for the report", Required = true };
        var patients = new Option<int>("--patients") { Description = "Patients, each booking and paying once", DefaultValueFactory = _ => 800 };
        var sessions = new Option<int>("--sessions") { Description = "Open sessions they book (three per doctor set up)", DefaultValueFactory = _ => 9 };
        var quota = new Option<int>("--quota") { Description = "Slots per session", DefaultValueFactory = _ => 100 };
        var span = new Option<int>("--span") { Description = "Seconds the bookings are spread over", DefaultValueFactory = _ => 10 };
        var payWithin = new Option<int>("--pay-within-ms") { Description = "Each patient pays 0 to this many ms after its hold", DefaultValueFactory = _ => 2000 };
        var requestTimeout = new Option<int>("--request-timeout") { Description = "Seconds a client waits for an answer", DefaultValueFactory = _ => 5 };
        var startedFile = new Option<string?>("--started-file") { Description = "File to write the burst's start (Unix ms) to" };
        var faultFile = new Option<string?>("--fault-file") { Description = "File the script writes the fault's time (Unix ms) to" };
        var command = new Command("fault-burst", "Books and pays over a span while a script brings a fault; writes every acknowledgement to --results")
            { fault, patients, sessions, quota, span, payWithin, requestTimeout, startedFile, faultFile };
        common.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var run = common.Read(result);
            var settings = new FaultBurstSettings(result.GetValue(fault)!, RunOptions.Positive(result.GetValue(patients), "--patients"),
                RunOptions.Positive(result.GetValue(sessions), "--sessions"), RunOptions.Positive(result.GetValue(quota), "--quota"),
                TimeSpan.FromSeconds(RunOptions.Positive(result.GetValue(span), "--span")),
                TimeSpan.FromMilliseconds(Math.Max(0, result.GetValue(payWithin))),
                TimeSpan.FromSeconds(RunOptions.Positive(result.GetValue(requestTimeout), "--request-timeout")), result.GetValue(startedFile),
                result.GetValue(faultFile), run.ResultsFile ?? throw new ArgumentException("fault-burst writes its acknowledgements to --results."));
            return await GuardAsync(async () => { await FaultBurst.RunAsync(run, settings, ct); return 0; });
        });
        return command;
    }

    private static Command Check()
    {
        var common = new RunOptions(CheckUsers);
        var burst = new Option<string>("--burst") { Description = "The fault-burst's results file", Required = true };
        var since = new Option<long?>("--since") { Description = "When the fault's run began (Unix seconds), for its duration" };
        var command = new Command("fault-check", "Checks the database and the API against a fault-burst's acknowledgements; writes the fault's row to --results")
            { burst, since };
        common.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var run = common.Read(result);
            return await GuardAsync(async () =>
            {
                var began = result.GetValue(since) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
                var row = await FaultCheck.RunAsync(run, result.GetValue(burst)!, began, ct);
                FaultTable.Write([row]);
                if (run.ResultsFile is { } path) await row.WriteAsync(path);
                return row.Passed ? 0 : 3;
            });
        });
        return command;
    }

    private static Command Summary()
    {
        var files = new Argument<string[]>("results") { Description = "fault-check results files, one per fault" };
        var command = new Command("fault-summary", "Prints the fault suite's table; exit code 3 when a fault failed") { files };
        command.SetAction(async (result, _) =>
        {
            var rows = await Task.WhenAll(result.GetValue(files)!.Select(FaultResult.ReadAsync));
            FaultTable.Write(rows);
            return rows.Length > 0 && rows.All(r => r.Passed) ? 0 : 3;
        });
        return command;
    }

    /// <summary>Exit code 1, with the reason, when a step could not run (set-up refused, API unreachable, bad options).</summary>
    private static async Task<int> GuardAsync(Func<Task<int>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or ArgumentException or IOException or System.Data.Common.DbException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]failed:[/] {e.Message}");
            return 1;
        }
    }
}
