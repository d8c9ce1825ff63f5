namespace Hospital.Api.Infrastructure.Metrics;

/// <summary>One labelled value of a counter or gauge, updated lock-free from any thread.</summary>
internal sealed class ValueSeries
{
    private double _value;

    public double Value => Volatile.Read(ref _value);

    public void Add(double delta) => AtomicDouble.Add(ref _value, delta);

    public void Set(double value) => Interlocked.Exchange(ref _value, value);
}
