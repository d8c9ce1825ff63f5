namespace Hospital.LoadTests.EngineBenchmark;

/// <summary>
/// Before its measured burst each contender books, unmeasured, on a session of its own, in passes with a pause after each,
/// as the HTTP release burst does (<see cref="Scenarios.ReleaseRehearsal"/> says why passes and pauses). Without it the
/// engine, whose silo starts just before its burst of a few seconds, spent about a core of its burst in the tiered JIT
/// (perf: 956 of 3,913 samples), while the plain approach's burst lasts long enough for its JIT not to matter.
/// </summary>
internal static class BenchRehearsal
{
    private const int Passes = 5;

    private const int RequestsPerPass = 500;

    /// <summary>
    /// Few callers, so that each pass takes many small group commits: the batch writer runs once per transaction, and a
    /// method is optimized only after 30 calls. With the burst's 256 callers a pass took two or three transactions, and
    /// the JIT log showed the writer's methods being optimized during the measured burst.
    /// </summary>
    private const int Callers = 8;

    /// <summary>Requests the rehearsal makes; its session needs as many slots.</summary>
    public const int Requests = Passes * RequestsPerPass;

    /// <summary>Long enough for the JIT's 100 ms quiet period, and for it to optimize what the pass made hot.</summary>
    private static readonly TimeSpan PauseAfterPass = TimeSpan.FromSeconds(1);

    /// <summary>Books request numbers 0 … <see cref="Requests"/> − 1 through <paramref name="book"/>; fails if any booking failed.</summary>
    public static async Task RunAsync(Func<int, Task<bool>> book)
    {
        for (var pass = 0; pass < Passes; pass++)
        {
            var first = pass * RequestsPerPass;
            var (calls, errors, _, _) = await BurstDriver.RunAsync(RequestsPerPass, Callers, n => book(first + n));
            if (errors > 0 || calls.Any(c => !c.Booked))
                throw new InvalidOperationException($"The rehearsal's pass {pass + 1} did not book every request ({errors} errors).");
            await Task.Delay(PauseAfterPass);
        }
    }
}
