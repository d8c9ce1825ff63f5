using Hospital.Grains.Abstractions.Runtime;

namespace Hospital.Silo.Runtime.Catalog;

/// <summary>
/// Scoped service of an activation's DI scope: carries the activation (served as <see cref="IGrainContext"/>)
/// and collects the activation participants subscribed while the grain is constructed.
/// </summary>
internal sealed class ActivationScopeContext : IActivationLifecycle
{
    private readonly List<IActivationParticipant> _participants = [];
    private ActivationData? _activation;

    public ActivationData Activation
    {
        get => _activation ?? throw new InvalidOperationException("IGrainContext is only available to services created for a grain activation.");
        set => _activation = value;
    }

    public IReadOnlyList<IActivationParticipant> Participants => _participants;

    public void Subscribe(IActivationParticipant participant)
    {
        if (_activation is null || _activation.State != ActivationState.Creating)
        {
            throw new InvalidOperationException("Activation participants subscribe while the grain is being constructed.");
        }
        _participants.Add(participant);
    }
}
