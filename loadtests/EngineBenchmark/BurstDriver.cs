using System.Collections.Concurrent;
using System.Diagnostics;

namespace Hospital.LoadTests.EngineBenchmark;

/// <summary>Runs a bounded burst: a fixed number of callers share a fixed number of requests, each request timed, and the CPU the burst used.</summary>
internal static class BurstDriver
{
    /// <summary>Calls <paramref name="book"/> once per request number; true = booked, false = sold out, exception = error.</summary>
    public static async Task<(List<(bool Booked, bool SoldOut, double Ms)> Calls, int Errors, TimeSpan Elapsed, CpuUse Cpu)> RunAsync(
        int requests, int callers, Func<int, Task<bool>> book)
    {
        var calls = new ConcurrentBag<(bool, bool, double)>();
        var errors = 0;
        var next = -1;
        var cpu = CpuUse.Start();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int request;
            while ((request = Interlocked.Increment(ref next)) < requests)
            {
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    var booked = await book(request);
                    calls.Add((booked, !booked, Stopwatch.GetElapsedTime(begin).TotalMilliseconds));
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return ([.. calls], errors, elapsed, cpu());
    }
}
