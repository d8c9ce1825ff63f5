using Hospital.Grains.Abstractions.Runtime;

namespace Hospital.Silo.Tests.Runtime.Grains;

/// <summary>A grain whose constructor takes a scoped service that is an activation participant.</summary>
public interface IParticipantGrain : IGrainWithStringKey
{
    /// <summary>The order in which activation steps ran, and the key the participant loaded.</summary>
    Task<IReadOnlyList<string>> GetActivationStepsAsync();
}
