using System.Text.Json;
using Hospital.Grains.Accounts;

namespace Hospital.Silo.Storage.Accounts;

/// <summary>Phone login state as a JSON document in grain_state, version-checked by <see cref="IGrainStateStore"/>.</summary>
public sealed class GrainStatePhoneLoginStore(IGrainStateStore states) : IPhoneLoginStore
{
    private const string StateName = "phoneLogin";

    public async Task<(PhoneLoginState State, string Etag)?> ReadAsync(string key, CancellationToken cancellationToken = default) =>
        await Task.Run(() => states.ReadAsync(StateName, key, cancellationToken), cancellationToken) is { } stored
            ? (JsonSerializer.Deserialize<PhoneLoginState>(stored.PayloadJson, StorageJson.Options)!, stored.Etag)
            : null;

    public Task<string> WriteAsync(string key, PhoneLoginState state, string? expectedEtag, CancellationToken cancellationToken = default) =>
        Task.Run(() => states.WriteAsync(StateName, key, JsonSerializer.Serialize(state, StorageJson.Options), expectedEtag, cancellationToken), cancellationToken);
}
