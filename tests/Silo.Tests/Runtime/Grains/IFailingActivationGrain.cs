using Hospital.Grains.Abstractions.Runtime;

namespace Hospital.Silo.Tests.Runtime.Grains;

/// <summary>A grain whose first activation throws, and whose "hang" keys never finish activating.</summary>
public interface IFailingActivationGrain : IGrainWithStringKey
{
    Task<int> GetActivationNumberAsync();
}
