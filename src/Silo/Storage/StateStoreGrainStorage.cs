using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Hospital.Silo.Storage;

/// <summary>
/// Orleans grain storage on our <see cref="IGrainStateStore"/> (embedded mode: no ADO.NET provider supports SQLite).
/// The ETag is the store's version of the row; a write or clear naming another version throws
/// <see cref="InconsistentStateException"/> from the store and changes nothing, which Orleans passes to the grain as is.
/// </summary>
/// <remarks>
/// A state is keyed by service id and grain id ("hospital/pool/s-1") under its state name, so two services sharing a
/// file never see each other's state. Clearing deletes the row: the state then reads as absent (no ETag, RecordExists
/// false) and the next write inserts it again; a stale activation still holding the old ETag finds no row to match.
/// </remarks>
public sealed class StateStoreGrainStorage(IGrainStateStore store, IGrainStorageSerializer serializer, IActivatorProvider activators, string serviceId)
    : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await store.ReadAsync(stateName, KeyOf(grainId));
        grainState.State = stored is null
            ? activators.GetActivator<T>().Create()
            : serializer.Deserialize<T>(BinaryData.FromString(stored.PayloadJson)) ?? activators.GetActivator<T>().Create();
        grainState.ETag = stored?.Etag;
        grainState.RecordExists = stored is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToString();
        grainState.ETag = await store.WriteAsync(stateName, KeyOf(grainId), payload, grainState.ETag);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await store.ClearAsync(stateName, KeyOf(grainId), grainState.ETag);
        grainState.State = activators.GetActivator<T>().Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private string KeyOf(GrainId grainId) => $"{serviceId}/{grainId}";
}
