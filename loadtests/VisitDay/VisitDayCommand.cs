using System.CommandLine;
using Hospital.LoadTests.Reporting;
using Hospital.LoadTests.Scenarios;

namespace Hospital.LoadTests.VisitDay;

/// <summary>The runner's visit-day command: its options and how they become <see cref="VisitDaySettings"/>.</summary>
public static class VisitDayCommand
{
    /// <summary>Patients booking and browsing at once; the morning's own pace is set by the arrivals and the doctors.</summary>
    private const int Users = 64;

    public static Command Create(Func<RunSettings, Func<RunSettings, Task<RunSummary>>, Task<int>> run)
    {
        var common = new RunOptions(Users);
        var sessions = new Option<int>("--sessions") { Description = "Sessions of today (one doctor each)", DefaultValueFactory = _ => 30 };
        var perSession = new Option<int>("--patients-per-session") { Description = "Patients booked into each session (one-minute slots from now)", DefaultValueFactory = _ => 6 };
        var boards = new Option<int>("--boards-per-session") { Description = "Waiting-room screens watching each session's board", DefaultValueFactory = _ => 2 };
        var background = new Option<int>("--background-patients") { Description = "Patients who meanwhile browse and book other days", DefaultValueFactory = _ => 200 };
        var backgroundUsers = new Option<int>("--background-users") { Description = "Users of those patients at once (each pausing 0.5–2 s between visits)", DefaultValueFactory = _ => 64 };
        var grace = new Option<int>("--grace") { Description = "Seconds after the morning (--duration) the doctors may take to see the last patients", DefaultValueFactory = _ => 60 };
        var command = new Command(VisitDayScenario.Name, "A morning of today's sessions: check-ins, calls and visits, boards over SSE, and the normal-day mix beside it")
            { sessions, perSession, boards, background, backgroundUsers, grace };
        common.AddTo(command);
        command.SetAction((result, ct) => run(common.Read(result), settings => VisitDayScenario.RunAsync(settings, new VisitDaySettings(
            RunOptions.Positive(result.GetValue(sessions), "--sessions"), RunOptions.Positive(result.GetValue(perSession), "--patients-per-session"),
            RunOptions.Positive(result.GetValue(boards), "--boards-per-session"), Math.Max(0, result.GetValue(background)), Math.Max(0, result.GetValue(backgroundUsers)),
            TimeSpan.FromSeconds(RunOptions.Positive(result.GetValue(grace), "--grace"))), ct)));
        return command;
    }
}
