namespace Hospital.Grains.Accounts;

/// <summary>
/// Durable, version-checked state of phone logins. Stands in for Orleans' <c>IPersistentState&lt;T&gt;</c> until the
/// hospital's grain storage provider exists; it writes the same grain_state table that provider reads on SQLite.
/// </summary>
public interface IPhoneLoginStore
{
    /// <summary>The stored state and its version, or null when the phone has none.</summary>
    Task<(PhoneLoginState State, string Etag)?> ReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes if the stored version is still <paramref name="expectedEtag"/> and returns the new one; otherwise throws <c>InconsistentStateException</c>.</summary>
    Task<string> WriteAsync(string key, PhoneLoginState state, string? expectedEtag, CancellationToken cancellationToken = default);
}
