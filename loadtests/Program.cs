using System.CommandLine;
using Hospital.LoadTests.Scenarios;

var root = new RootCommand("Hospital load tests: scenario runs against a running API, on loopback");
ScenarioCommands.AddTo(root);
return await root.Parse(args).InvokeAsync();
