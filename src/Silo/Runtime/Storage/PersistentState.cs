using System.Text.Json;
using Hospital.Grains.Abstractions.Runtime;
using Hospital.Grains.Abstractions.Storage;
using Hospital.Silo.Runtime.Catalog;
using Hospital.Silo.Storage;

namespace Hospital.Silo.Runtime.Storage;

/// <summary>
/// A grain's durable state as one JSON document per grain (state name = the state type's name, key = the grain key).
/// Read before the grain's OnActivateAsync; every write is checked against the version it read, so a stale
/// activation gets <see cref="InconsistentStateException"/> (and is then deactivated by the runtime) instead of overwriting.
/// Created in the activation's scope, so it runs on the activation's turns and needs no locks.
/// </summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IActivationParticipant where TState : new()
{
    private static readonly string StateName = typeof(TState).Name;
    private readonly IGrainStateStore _store;
    private readonly string _grainKey;

    public PersistentState(IGrainStateStore store, IGrainContext context, IActivationLifecycle lifecycle)
    {
        _store = store;
        _grainKey = context.GrainId.Key;
        lifecycle.Subscribe(this);
    }

    public TState State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists => Etag is not null;

    Task IActivationParticipant.OnActivateAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await _store.ReadAsync(StateName, _grainKey, cancellationToken);
        State = stored is null ? new TState() : JsonSerializer.Deserialize<TState>(stored.PayloadJson, StorageJson.Options) ?? new TState();
        Etag = stored?.Etag;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        Etag = await _store.WriteAsync(StateName, _grainKey, JsonSerializer.Serialize(State, StorageJson.Options), Etag, cancellationToken);

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await _store.ClearAsync(StateName, _grainKey, Etag, cancellationToken);
        State = new TState();
        Etag = null;
    }
}
