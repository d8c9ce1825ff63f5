using Orleans;

namespace Hospital.LoadTests.Runtime;

/// <summary>The benchmark's grain: counts calls.</summary>
public interface IBenchGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();
}
