using System.CommandLine;
using Hospital.LoadTests.Reporting;
using Hospital.LoadTests.VisitDay;
using Spectre.Console;

namespace Hospital.LoadTests.Scenarios;

/// <summary>The scenario commands: release-burst, hot-session, normal-day, and summarize (medians of several results files).</summary>
public static class ScenarioCommands
{
    public static void AddTo(RootCommand root)
    {
        // Redirected output (scripts, logs) would otherwise be laid out for 80 columns and wrap the tables.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
        root.Subcommands.Add(Burst("release-burst", "N patients book M sessions that open at T0, then pay", defaultSessions: 30));
        root.Subcommands.Add(Burst("hot-session", "Everyone books one session that opens at T0, then pays", defaultSessions: 1));
        root.Subcommands.Add(NormalDay());
        root.Subcommands.Add(VisitDayCommand.Create(RunAsync));
        root.Subcommands.Add(Summarize());
    }

    /// <summary>
    /// At a release "they all try to book" at once: thousands of phones, where 64 closed-loop users would mostly measure
    /// how long each waits for its commit. 256 kept the median p99 of one 2-core node under 100 ms on both stores, 512 did not (see the README's sweep).
    /// </summary>
    private const int BurstUsers = 256;

    /// <summary>A normal day's patients come and go; a few dozen at once is a busy hour.</summary>
    private const int NormalDayUsers = 64;

    private static Command Burst(string name, string description, int defaultSessions)
    {
        var common = new RunOptions(BurstUsers);
        var patients = new Option<int>("--patients") { Description = "Patients prepared before T0", DefaultValueFactory = _ => 5000 };
        var sessions = new Option<int>("--sessions") { Description = "Sessions opening at T0", DefaultValueFactory = _ => defaultSessions };
        var quota = new Option<int>("--quota") { Description = "Slots per session", DefaultValueFactory = _ => 30 };
        var lead = new Option<int>("--lead") { Description = "Least seconds from the end of the rehearsal to T0 (a whole minute); set-up re-plans once per admin change", DefaultValueFactory = _ => 60 };
        var t0File = new Option<string?>("--t0-file") { Description = "File to write T0 (Unix seconds) to once it is known" };
        var adminTarget = new Option<string?>("--admin-target") { Description = "Base URL of one node for the set-up (default: --target)" };
        var rehearse = new Option<bool>("--rehearse") { Description = "Book in already open sessions before T0, as on a server that has been running (false: measure a cold process)", DefaultValueFactory = _ => true };
        var waitlist = new Option<int>("--waitlist")
            { Description = "Patients who join the waitlists of sold-out sessions while some holders there cancel during the burst (0: none)", DefaultValueFactory = _ => 0 };
        var command = new Command(name, description) { patients, sessions, quota, lead, t0File, adminTarget, rehearse, waitlist };
        common.AddTo(command);
        command.SetAction((result, ct) => RunAsync(common.Read(result), run => ReleaseBurstScenario.RunAsync(name, run, new BurstSettings(
            RunOptions.Positive(result.GetValue(patients), "--patients"), RunOptions.Positive(result.GetValue(sessions), "--sessions"),
            RunOptions.Positive(result.GetValue(quota), "--quota"), TimeSpan.FromSeconds(RunOptions.Positive(result.GetValue(lead), "--lead")), result.GetValue(t0File),
            result.GetValue(adminTarget) is { } admin ? new Uri(admin) : null, result.GetValue(rehearse), Math.Max(0, result.GetValue(waitlist))), ct)));
        return command;
    }

    private static Command NormalDay()
    {
        var common = new RunOptions(NormalDayUsers);
        var patients = new Option<int>("--patients") { Description = "Patients who use the system during the day", DefaultValueFactory = _ => 500 };
        var command = new Command(RunSummary.NormalDay, "Browse calendars, book, pay, cancel and reschedule in a realistic mix") { patients };
        common.AddTo(command);
        command.SetAction((result, ct) => RunAsync(common.Read(result),
            run => NormalDayScenario.RunAsync(run, RunOptions.Positive(result.GetValue(patients), "--patients"), ct)));
        return command;
    }

    private static Command Summarize()
    {
        var files = new Argument<string[]>("results") { Description = "Results files of runs of one scenario" };
        var command = new Command("summarize", "Prints several runs side by side with the median of each figure") { files };
        command.SetAction(async (result, _) =>
        {
            var runs = await Task.WhenAll(result.GetValue(files)!.Select(ResultsFile.ReadAsync));
            MedianTable.Write(runs);
            return runs.All(r => r.GoalMet) ? 0 : 3;
        });
        return command;
    }

    /// <summary>Runs a scenario, prints and writes its summary. Exit code 0: passed; 3: figures missed; 1: the run failed.</summary>
    internal static async Task<int> RunAsync(RunSettings run, Func<RunSettings, Task<RunSummary>> scenario)
    {
        try
        {
            var summary = await scenario(run);
            SummaryTable.Write(summary);
            if (run.ResultsFile is { } path) await ResultsFile.WriteAsync(path, summary);
            return summary.GoalMet ? 0 : 3;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or ArgumentException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]run failed:[/] {e.Message}");
            return 1;
        }
    }
}
