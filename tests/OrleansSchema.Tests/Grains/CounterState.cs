namespace Hospital.OrleansSchema.Tests.Grains;

/// <summary>What <see cref="CounterGrain"/> persists: one number is enough to tell which write a read found.</summary>
[GenerateSerializer, Alias("orleans-schema.counter-state")]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }
}
