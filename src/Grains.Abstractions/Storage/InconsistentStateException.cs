namespace Hospital.Grains.Abstractions.Storage;

/// <summary>
/// A version-checked write found the stored row at another version than the one this activation read.
/// The runtime deactivates the activation so the next call reloads and decides again.
/// </summary>
public sealed class InconsistentStateException(string message, string? storedEtag, string? currentEtag) : Exception(message)
{
    /// <summary>The version found in storage, if any.</summary>
    public string? StoredEtag { get; } = storedEtag;

    /// <summary>The version the activation expected.</summary>
    public string? CurrentEtag { get; } = currentEtag;
}
