namespace Hospital.Silo.Storage.Catalog;

/// <summary>A catalog row that can be written: its values by column name.</summary>
internal interface ICatalogRow
{
    IReadOnlyDictionary<string, object?> Columns();
}
