using Hospital.LoadTests.Reporting;
using Spectre.Console;

namespace Hospital.LoadTests.Scenarios;

/// <summary>Registers the run's patients before T0 (which also activates their grains), so the burst measures booking only.</summary>
public static class PatientPreparation
{
    public static async Task<List<string>> RegisterAsync(HospitalClient client, int count, int users, ProgressTask progress, CancellationToken cancellationToken)
    {
        var seed = (int)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 100_000);
        var ids = new string?[count];
        await VirtualUsers.RunAsync([.. Enumerable.Range(0, count)], users, async (i, ct) =>
        {
            var answer = await client.PostAsync("register", "/api/patients", SyntheticPatients.Registration(seed, i), null, ct);
            ids[i] = answer is { Outcome: Outcome.Success } ? answer.String("id") : null;
            progress.Increment(1);
        }, cancellationToken);
        var registered = ids.OfType<string>().ToList();
        if (registered.Count < count) throw new InvalidOperationException($"Only {registered.Count} of {count} patients registered.");
        return registered;
    }
}
