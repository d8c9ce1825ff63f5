using System.CommandLine;

namespace Hospital.LoadTests.TokenBench;

/// <summary><c>token-bench</c>: what the API's bearer validation costs per request (issue 19, point 7).</summary>
public static class TokenBenchCommand
{
    public static Command Create(Option<int> rounds)
    {
        var clients = new Option<int>("--clients") { Description = "Concurrent clients, each on its own connection.", DefaultValueFactory = _ => 32 };
        var requests = new Option<int>("--requests-per-client") { Description = "Requests each client sends per measurement.", DefaultValueFactory = _ => 4_000 };
        var validations = new Option<int>("--validations") { Description = "Tokens validated per round of the raw handler measurement.", DefaultValueFactory = _ => 50_000 };
        var command = new Command("token-bench",
            "The API's bearer validation against no authentication: Kestrel on loopback with an anonymous and a patient-only endpoint, " +
            "and the raw JsonWebTokenHandler, in one process") { rounds, clients, requests, validations };
        command.SetAction((result, cancellationToken) => new TokenBenchmark(
            result.GetValue(rounds), result.GetValue(clients), result.GetValue(requests), result.GetValue(validations)).RunAsync(cancellationToken));
        return command;
    }
}
