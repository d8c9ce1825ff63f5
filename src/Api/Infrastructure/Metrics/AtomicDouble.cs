namespace Hospital.Api.Infrastructure.Metrics;

/// <summary>Lock-free addition to a shared double (there is no Interlocked.Add for doubles).</summary>
internal static class AtomicDouble
{
    public static void Add(ref double location, double delta)
    {
        // Compare bit patterns, not values: NaN never equals itself and would spin forever.
        long seen;
        double current;
        do
        {
            current = Volatile.Read(ref location);
            seen = BitConverter.DoubleToInt64Bits(current);
        }
        while (BitConverter.DoubleToInt64Bits(Interlocked.CompareExchange(ref location, current + delta, current)) != seen);
    }
}
