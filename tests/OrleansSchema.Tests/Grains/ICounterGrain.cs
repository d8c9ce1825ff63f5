namespace Hospital.OrleansSchema.Tests.Grains;

/// <summary>A counter kept in the ADO.NET grain storage under test, one activation per key in the cluster.</summary>
[Alias("orleans-schema.counter")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds to the counter and writes the state before answering.</summary>
    [Alias("add")]
    Task<int> AddAsync(int amount);

    /// <summary>The counter as this activation holds it (read from storage when it activated).</summary>
    [Alias("get")]
    Task<int> GetAsync();

    /// <summary>Deactivates after this call, so the next call reads the state again.</summary>
    [Alias("deactivate")]
    Task DeactivateAsync();

    /// <summary>The address of the silo this activation lives on.</summary>
    [Alias("silo")]
    Task<string> GetSiloAsync();
}
