using System.Text.Json;
using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;

namespace Hospital.Silo.Storage.Catalog;

/// <summary>
/// Turns stored catalog rows into records, leaving out (and listing) each row that breaks a record's rule or cannot be
/// read at all: a bad row must never stop planning, and with it the node's start.
/// </summary>
internal sealed class CatalogRowReader
{
    private readonly List<SkippedCatalogRow> _skipped = [];

    public IReadOnlyList<SkippedCatalogRow> Skipped => _skipped;

    /// <summary>Each row's record, in order, without the rows that fail <paramref name="read"/>.</summary>
    public List<T> Read<TRow, T>(IEnumerable<TRow> rows, string table, Func<TRow, string> key, Func<TRow, T> read)
    {
        var records = new List<T>();
        foreach (var row in rows)
        {
            try
            {
                records.Add(read(row));
            }
            catch (Exception e) when (e is ArgumentException or FormatException or JsonException or OverflowException or InvalidCastException)
            {
                _skipped.Add(new SkippedCatalogRow(table, key(row), e is InvalidFieldException invalid ? $"{invalid.ParamName}: {invalid.Reason}" : e.Message));
            }
        }
        return records;
    }

    /// <summary>Keeps the records whose reference <paramref name="exists"/>; lists the others, whose parent is missing or was skipped.</summary>
    public List<T> WithParent<T>(List<T> records, string table, Func<T, string> key, Func<T, bool> exists, Func<T, string> parent)
    {
        foreach (var orphan in records.Where(r => !exists(r)))
            _skipped.Add(new SkippedCatalogRow(table, key(orphan), $"{parent(orphan)} is missing or was skipped."));
        return [.. records.Where(exists)];
    }
}
