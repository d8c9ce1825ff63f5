using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Hospital.Silo.Storage;

/// <summary>What a column holds, which is all a database needs to read it back out of a JSON row set.</summary>
public enum RowSetKind
{
    Text,
    Integer,
    Money,
    Instant,
}

/// <summary>A column of a <see cref="RowSet"/>: its name in the target table and what it holds.</summary>
public sealed record RowSetColumn(string Name, RowSetKind Kind);

/// <summary>
/// Many rows sent to the database as one JSON array in one parameter, which the database unpacks into a row source
/// (<see cref="ISqlDialect.RowSource"/>: json_each on SQLite, JSON_TABLE on MySQL) that an UPDATE joins; inserts take
/// VALUES lists of literals (<see cref="RowSetCommand.Insert{T}"/>), which both databases read faster. One statement per
/// table writes any number of rows, and the driver binds a single parameter per statement: binding hundreds of them per
/// statement once cost more than the database's own work (MySql.Data, our first MySQL driver, looked each named
/// parameter up by a culture-aware name; Microsoft.Data.Sqlite looks them up linearly). Nulls are left out of the
/// objects; both databases read a missing key as NULL.
/// </summary>
public static class RowSet
{
    /// <summary>
    /// The JSON arrays of <paramref name="rows"/>, each row an object keyed by column name, cut so that no array is much
    /// longer than <paramref name="maxBytes"/> of UTF-8. Values are strings, numbers (int, long, decimal) or UTC <see cref="DateTime"/>s,
    /// which travel as text in the dialect's instant format.
    /// </summary>
    public static IEnumerable<string> Serialize<T>(IEnumerable<T> rows, IReadOnlyList<RowSetColumn> columns, Func<T, object?[]> values,
        ISqlDialect dialect, int maxBytes)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer);
        var rowsInArray = 0;
        foreach (var row in rows)
        {
            if (rowsInArray++ == 0) json.WriteStartArray();
            var rowValues = values(row);
            json.WriteStartObject();
            for (var i = 0; i < columns.Count; i++) WriteValue(json, columns[i].Name, rowValues[i], dialect);
            json.WriteEndObject();
            json.Flush();
            if (buffer.WrittenCount < maxBytes) continue;
            yield return Close(json, buffer);
            rowsInArray = 0;
        }
        if (rowsInArray > 0) yield return Close(json, buffer);
    }

    /// <summary>Ends the array and returns it; the writer and buffer start afresh for the next one.</summary>
    private static string Close(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer)
    {
        json.WriteEndArray();
        json.Flush();
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        buffer.Clear();
        json.Reset(buffer);
        return text;
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value, ISqlDialect dialect)
    {
        switch (value)
        {
            case null: break;
            case string text: json.WriteString(name, text); break;
            case int number: json.WriteNumber(name, number); break;
            case long number: json.WriteNumber(name, number); break;
            case decimal number: json.WriteNumber(name, number); break;
            case DateTime instant: json.WriteString(name, dialect.FormatInstant(instant)); break;
            default: throw new ArgumentException($"Column {name}: a row set cannot carry a {value.GetType().Name}.", nameof(value));
        }
    }
}
