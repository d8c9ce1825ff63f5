using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hospital.Silo.Storage;

/// <summary>The one JSON shape of documents stored in the database (enums by name, so rows stay readable in reports).</summary>
public static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
