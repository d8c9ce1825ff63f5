namespace Hospital.LoadTests.Scenarios;

/// <summary>How the runner's simulated users take their jobs; each job runs once, all stop at the deadline.</summary>
public static class VirtualUsers
{
    /// <summary>A bounded number of concurrent workers sharing one list of jobs.</summary>
    public static async Task RunAsync<T>(IReadOnlyList<T> jobs, int users, Func<T, CancellationToken, Task> job, CancellationToken cancellationToken)
    {
        var next = -1;
        async Task WorkAsync()
        {
            int index;
            while (!cancellationToken.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < jobs.Count)
                await job(jobs[index], cancellationToken);
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(users, jobs.Count)).Select(_ => Task.Run(WorkAsync, CancellationToken.None)));
    }

    /// <summary>
    /// Starts every job at once, as phones do at a release; what bounds the load is the client's requests in flight
    /// (<see cref="HospitalClient"/>), so a job waiting between its requests keeps no other job from sending.
    /// </summary>
    public static Task AllAtOnceAsync<T>(IReadOnlyList<T> jobs, Func<T, CancellationToken, Task> job, CancellationToken cancellationToken) =>
        Task.WhenAll(jobs.Select(item => Task.Run(() => job(item, cancellationToken), CancellationToken.None)));

    /// <summary>Runs <paramref name="loop"/> on every user until the deadline or until it returns false (e.g. the cap is spent).</summary>
    public static Task RepeatAsync(int users, Func<int, CancellationToken, Task<bool>> loop, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Run(async () =>
        {
            while (!cancellationToken.IsCancellationRequested && await loop(user, cancellationToken))
            {
            }
        }, CancellationToken.None)));

    /// <summary>Waits, but never past the run's deadline; false when the deadline came first.</summary>
    public static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
