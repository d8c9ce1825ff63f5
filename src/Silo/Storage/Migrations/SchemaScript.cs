namespace Hospital.Silo.Storage.Migrations;

/// <summary>One versioned schema script, e.g. <c>0001_grain_state.sql</c>.</summary>
public sealed record SchemaScript(int Version, string Description, string Sql);
