namespace Hospital.Grains.Abstractions.Runtime;

/// <summary>Why an activation is being collected.</summary>
public enum DeactivationReason
{
    /// <summary>Unused for longer than the configured idle age.</summary>
    IdleCollection,
    /// <summary>The grain asked for it with DeactivateOnIdle.</summary>
    ApplicationRequested,
    /// <summary>A version-checked write found the stored state changed by someone else.</summary>
    InconsistentState,
    /// <summary>The host is stopping.</summary>
    ShuttingDown,
}
