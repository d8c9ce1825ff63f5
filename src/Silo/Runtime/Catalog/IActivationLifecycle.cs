namespace Hospital.Silo.Runtime.Catalog;

/// <summary>
/// Resolvable from an activation's service scope (scoped): the hook through which services created for
/// the activation join its activation. Typically called from the participant's constructor.
/// </summary>
internal interface IActivationLifecycle
{
    /// <summary>Runs <paramref name="participant"/> before the grain's OnActivateAsync; only valid while the grain is being constructed.</summary>
    void Subscribe(IActivationParticipant participant);
}
