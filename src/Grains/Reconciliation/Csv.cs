using System.Text;

namespace Hospital.Grains.Reconciliation;

/// <summary>Comma-separated lines (RFC 4180): a field holding a comma, quote or line break is quoted, its quotes doubled.</summary>
public static class Csv
{
    public static string Line(params IEnumerable<string?> fields) => string.Join(',', fields.Select(Field));

    /// <summary>The fields of one line; quoted fields may hold commas and doubled quotes (not line breaks).</summary>
    public static IReadOnlyList<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    private static string Field(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}
