using System.CommandLine;
using Hospital.LoadTests.EngineBenchmark;

// Entry point: one subcommand per load run.
var root = new RootCommand("Hospital load tests and benchmarks.") { EngineBenchmarkCommand.Create() };
return await root.Parse(args).InvokeAsync();
