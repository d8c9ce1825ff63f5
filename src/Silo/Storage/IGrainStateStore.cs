namespace Hospital.Silo.Storage;

/// <summary>
/// Durable, version-checked storage of grain state as JSON documents, keyed by state name and grain key.
/// Backs <c>IPersistentState&lt;T&gt;</c> in embedded mode, through <see cref="StateStoreGrainStorage"/>; cluster mode
/// uses Orleans' ADO.NET storage instead (Hosting/SiloPersistence.cs).
/// </summary>
public interface IGrainStateStore
{
    /// <summary>Reads the stored document, or null when none exists.</summary>
    Task<StoredGrainState?> ReadAsync(string stateName, string grainKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the document if the stored version still equals <paramref name="expectedEtag"/> (null: no row may exist yet)
    /// and returns the new version; otherwise throws <c>InconsistentStateException</c> and changes nothing.
    /// </summary>
    Task<string> WriteAsync(string stateName, string grainKey, string payloadJson, string? expectedEtag, CancellationToken cancellationToken = default);

    /// <summary>Deletes the document under the same version check as <see cref="WriteAsync"/>.</summary>
    Task ClearAsync(string stateName, string grainKey, string? expectedEtag, CancellationToken cancellationToken = default);
}
