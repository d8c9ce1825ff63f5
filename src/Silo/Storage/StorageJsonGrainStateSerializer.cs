using Orleans.Storage;

namespace Hospital.Silo.Storage;

/// <summary>
/// Grain state as <see cref="StorageJson"/> documents, in both modes: by property name, without .NET type names.
/// </summary>
/// <remarks>
/// Chosen over Orleans' ADO.NET default (Newtonsoft JSON with type names): that ties every stored row to its class's
/// full name, so renaming a state class or moving its namespace makes old rows unreadable, and a type name read from
/// the database decides what gets instantiated. Chosen over Orleans' binary serializer because a row stays readable
/// in a report or an incident. The price: renaming a property renames it in storage (pin it with [JsonPropertyName]).
/// </remarks>
public sealed class StorageJsonGrainStateSerializer : IGrainStorageSerializer
{
    public static StorageJsonGrainStateSerializer Instance { get; } = new();

    private StorageJsonGrainStateSerializer()
    {
    }

    public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input, StorageJson.Options);

    public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(StorageJson.Options)!;
}
