namespace Hospital.Api.Tests.Metrics;

/// <summary>Reads samples from a /metrics scrape: <c>name{labels} value [timestamp]</c>, one per line.</summary>
internal static class PrometheusText
{
    /// <summary>The sum of every series of <paramref name="name"/> whose labels contain <paramref name="label"/>.</summary>
    public static double Sum(string text, string name, string label = "") => text.Split('\n')
        .Where(line => (line.StartsWith(name + "{") || line.StartsWith(name + " ")) && line.Contains(label))
        .Sum(line => double.Parse(line[(line.StartsWith(name + "{") ? line.LastIndexOf('}') + 1 : name.Length)..].Trim().Split(' ')[0],
            System.Globalization.CultureInfo.InvariantCulture));
}
