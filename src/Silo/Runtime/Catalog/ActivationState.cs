namespace Hospital.Silo.Runtime.Catalog;

/// <summary>Where an activation is in its life; it only ever moves forward through these states.</summary>
public enum ActivationState
{
    /// <summary>In the catalog, grain not constructed yet; calls queue.</summary>
    Creating,
    /// <summary>Participants and OnActivateAsync are running; calls queue.</summary>
    Activating,
    /// <summary>Serving calls.</summary>
    Valid,
    /// <summary>OnDeactivateAsync is running; calls queue and go to the next activation afterwards.</summary>
    Deactivating,
    /// <summary>Gone from the catalog; calls that still reach it are rerouted.</summary>
    Invalid,
}
