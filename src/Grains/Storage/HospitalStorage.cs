namespace Hospital.Grains.Storage;

/// <summary>
/// The grain storage every hospital grain persists to: <c>[PersistentState("pool", HospitalStorage.Name)] IPersistentState&lt;T&gt;</c>.
/// </summary>
/// <remarks>
/// It lives in the hospital's database whatever the mode: our grain_state table on SQLite, Orleans' ADO.NET storage on
/// MySQL/MariaDB. Either way a state is stored as System.Text.Json by property name (camelCase, enums by name) and
/// never with .NET type names: renaming a state class or moving it to another namespace changes nothing stored, but
/// renaming a property does (pin the old name with [JsonPropertyName]). Writes are version-checked: a write from an
/// activation whose copy is no longer the stored one throws <c>InconsistentStateException</c> and changes nothing.
/// </remarks>
public static class HospitalStorage
{
    /// <summary>The provider name to pass to <c>[PersistentState]</c>.</summary>
    public const string Name = "hospital";
}
