namespace Hospital.Silo.Runtime.Catalog;

/// <summary>
/// A service created in an activation's scope that must do work before the grain's own
/// OnActivateAsync (e.g. persistent state loading itself). Subscribe through <see cref="IActivationLifecycle"/>.
/// </summary>
internal interface IActivationParticipant
{
    /// <summary>Runs on the activation's scheduler, in subscription order, before the grain's OnActivateAsync.</summary>
    Task OnActivateAsync(CancellationToken cancellationToken);
}
