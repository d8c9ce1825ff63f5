using System.CommandLine;
using Hospital.LoadTests.Browsing;
using Hospital.LoadTests.EngineBenchmark;
using Hospital.LoadTests.Faults;
using Hospital.LoadTests.Runtime;
using Hospital.LoadTests.Scenarios;
using Hospital.LoadTests.TokenBench;

// Entry point: one subcommand per load run.
var rounds = new Option<int>("--rounds") { Description = "How many times each measurement runs; medians are printed.", DefaultValueFactory = _ => 3 };
var callsPerCaller = new Option<int>("--calls-per-caller") { Description = "Calls each of the 64 callers makes per measurement.", DefaultValueFactory = _ => 20_000 };

var runtimeBench = new Command("runtime-bench", "Grain runtime against a locked object and a minimal Channel actor, in one process.") { rounds, callsPerCaller };
runtimeBench.SetAction((parseResult, cancellationToken) =>
    new RuntimeBenchmark(parseResult.GetValue(rounds), parseResult.GetValue(callsPerCaller)).RunAsync(cancellationToken));

var root = new RootCommand("Hospital load tests and benchmarks (load goes to loopback only).") { runtimeBench, TokenBenchCommand.Create(rounds), EngineBenchmarkCommand.Create(), BareKestrelCommand.Create() };
ScenarioCommands.AddTo(root);
FaultCommands.AddTo(root);
return await root.Parse(args).InvokeAsync();
