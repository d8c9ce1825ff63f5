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
            // A 503 (e.g. the database slow to accept a connection) is retried as a phone app would: registering the
            // same person again returns the existing patient, so a retry cannot register anyone twice.
            var answer = await WellBehavedBooking.RetryAsync(
                () => client.PostAsync("register", "/api/patients", SyntheticPatients.Registration(seed, i), null, ct), ct);
            ids[i] = answer is { Outcome: Outcome.Success } ? answer.String("id") : null;
            progress.Increment(1);
        }, cancellationToken);
        var registered = ids.OfType<string>().ToList();
        if (registered.Count < count) throw new InvalidOperationException($"Only {registered.Count} of {count} patients registered.");
        return registered;
    }
}
