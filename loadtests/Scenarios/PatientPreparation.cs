using System.Collections.Concurrent;
using Hospital.LoadTests.Reporting;
using Spectre.Console;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// Prepares the run's patients before T0, as phones are before a release: each phone logs in with an SMS code and adds its
/// holder as a patient (which also activates the account's and patient's grains), so the burst measures booking only.
/// </summary>
public static class PatientPreparation
{
    public static async Task<List<LoadPatient>> RegisterAsync(HospitalClient client, RunSettings run, int count, ProgressTask progress, CancellationToken cancellationToken)
    {
        var outbox = new OutboxCodes(RunDatabase.Connect(run.Provider, run.ConnectionString
            ?? throw new InvalidOperationException("Patients log in with SMS codes the runner reads from the API's database: pass --connection-string.")));
        var seed = (int)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 100_000);
        var patients = new LoadPatient?[count];
        var failures = new ConcurrentBag<string>();
        await VirtualUsers.RunAsync([.. Enumerable.Range(0, count)], run.Users, async (i, ct) =>
        {
            // A 503 (e.g. the database slow to accept a connection) is retried as a phone app would: adding the same person
            // again answers the patient already on the account, so a retry cannot add anyone twice.
            var phone = SyntheticPatients.Phone(seed, i);
            var sent = await WellBehavedBooking.RetryAsync(() => client.PostAsync("sms-code", "/api/auth/sms-codes", new { phone }, null, null, ct), ct);
            var code = sent is { Outcome: Outcome.Success } ? await outbox.LatestAsync(phone, ct) : null;
            var login = code is null ? null
                : await WellBehavedBooking.RetryAsync(() => client.PostAsync("login", "/api/auth/login", new { phone, code }, null, null, ct), ct);
            var token = login is { Outcome: Outcome.Success } ? login.String("accessToken") : null;
            var added = token is null ? null
                : await WellBehavedBooking.RetryAsync(() => client.PostAsync("register", "/api/patients", SyntheticPatients.Registration(seed, i, phone), null, token, ct), ct);
            patients[i] = token is not null && added is { Outcome: Outcome.Success } && added.String("id") is { } id ? new LoadPatient(id, token) : null;
            if (patients[i] is null)
                failures.Add(token is not null ? Failed("register", added)
                    : code is not null ? Failed("login", login)
                    : sent is { Outcome: Outcome.Success } ? "sms-code: sent, but no code in the outbox"
                    : Failed("sms-code", sent));
            progress.Increment(1);
        }, cancellationToken);
        var prepared = patients.OfType<LoadPatient>().ToList();
        if (prepared.Count < count)
            throw new InvalidOperationException($"Only {prepared.Count} of {count} patients logged in and registered: " +
                                                string.Join(", ", failures.GroupBy(f => f).Select(g => $"{g.Key} × {g.Count()}")) + ".");
        return prepared;
    }

    /// <summary>Which step failed and how, e.g. "register: no answer (TaskCanceledException)" or "login: 401 auth.code_invalid".</summary>
    private static string Failed(string step, ApiAnswer? answer) => answer switch
    {
        null => $"{step}: not sent (the run ended or its request cap was spent)",
        { Status: 0 } => $"{step}: no answer ({answer.Code})",
        _ => $"{step}: {answer.Status} {answer.Code}",
    };
}
