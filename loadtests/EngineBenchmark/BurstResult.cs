namespace Hospital.LoadTests.EngineBenchmark;

/// <summary>What one contender achieved on one burst: counts, wall time, latency percentiles and the CPU it used.</summary>
internal sealed record BurstResult(string Contender, int Requests, int Booked, int SoldOut, int Errors, TimeSpan Elapsed, double P50Ms, double P99Ms, int Oversold,
    CpuUse Cpu)
{
    public double BookingsPerSecond => Booked / Elapsed.TotalSeconds;

    public static BurstResult From(string contender, IReadOnlyList<(bool Booked, bool SoldOut, double Ms)> calls, int errors, TimeSpan elapsed, CpuUse cpu,
        int oversold)
    {
        var latencies = calls.Select(c => c.Ms).Order().ToArray();
        double Percentile(double p) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)(p * latencies.Length))];
        return new BurstResult(contender, calls.Count + errors, calls.Count(c => c.Booked), calls.Count(c => c.SoldOut), errors, elapsed,
            Percentile(0.50), Percentile(0.99), oversold, cpu);
    }
}
