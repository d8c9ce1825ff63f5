using System.Globalization;
using System.Text;

namespace Hospital.Api.Infrastructure.Metrics;

/// <summary>Names, labels and numbers as the Prometheus text exposition format 0.0.4 wants them.</summary>
internal static class PrometheusFormat
{
    /// <summary>Metric names allow <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>; anything else (dots, dashes) becomes <c>_</c>.</summary>
    public static string MetricName(string name) => Sanitize(name, allowColon: true);

    /// <summary>Label names allow <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.</summary>
    public static string LabelName(string name) => Sanitize(name, allowColon: false);

    /// <summary>Tags as label pairs sorted by name (<c>a="x",b="y"</c>, no braces), so tag order never splits a series.</summary>
    public static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return "";
        }
        var sorted = tags.ToArray();
        Array.Sort(sorted, static (left, right) => string.CompareOrdinal(left.Key, right.Key));
        return string.Join(',', sorted.Select(tag => $"{LabelName(tag.Key)}=\"{EscapeLabelValue(TagText(tag.Value))}\""));
    }

    /// <summary>Joins label pairs and wraps them in braces; no braces at all when there are none.</summary>
    public static string LabelSet(string labels, string? extra = null)
    {
        var all = string.IsNullOrEmpty(labels) ? extra : extra is null ? labels : $"{labels},{extra}";
        return string.IsNullOrEmpty(all) ? "" : $"{{{all}}}";
    }

    public static string Value(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static string EscapeHelp(string help) => help.Replace("\\", "\\\\").Replace("\n", "\\n");

    private static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    private static string TagText(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Sanitize(string name, bool allowColon)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var character in name)
        {
            var allowed = char.IsAsciiLetterOrDigit(character) || character == '_' || (allowColon && character == ':');
            builder.Append(allowed ? character : '_');
        }
        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }
        return builder.ToString();
    }
}
