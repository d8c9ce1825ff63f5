using System.Text;
using System.Text.Json;

namespace Hospital.Api.Tests.Fuzz;

/// <summary>
/// Builds fuzz cases from an operation: a valid request (known ids, sensible fields), then one or two mutations of a
/// path, query, header or body value, or of the whole body. Everything comes from the seeded <see cref="Random"/>.
/// </summary>
public sealed class FuzzRequestFactory(Random random, FuzzTargets targets)
{
    private readonly ValidRequestValues _valid = new(targets);

    private const string NoBody = "(no body)";

    private static readonly string[] Bodies =
    [
        NoBody, "", "null", "[]", "{}", "{", "{\"a\":", "\"text\"", "123", "{\"name\":1,\"name\":2}", new string('[', 5000) + new string(']', 5000),
        "{\"x\":\"" + new string('x', 70_000) + "\"}", "{\"x\":\"" + new string('x', 2_000_000) + "\"}",
    ];

    // The test server refuses a path with %00 before the app sees it, as Kestrel does.
    private static readonly string[] PathTexts = [.. HostileValues.Text.Where(t => !t.Contains('\0'))];

    public FuzzCase Create(FuzzOperation operation)
    {
        var path = operation.Parameters.Where(p => p.In == "path").ToDictionary(p => p.Name, p => _valid.Path(operation, p.Name));
        var query = operation.Parameters.Where(p => p.In == "query").ToDictionary(p => p.Name, p => (string?)ValidRequestValues.Query(p.Name));
        var headers = operation.Parameters.Where(p => p.In == "header").ToDictionary(p => p.Name, p => (string?)_valid.Header(p.Name));
        var fields = operation.Body is { } schema ? _valid.Body(schema) : null;
        string? body = null;
        var contentType = "application/json";
        var mutations = new List<string>();
        for (var i = random.Next(10) == 0 ? 2 : 1; i > 0; i--)
        {
            switch (random.Next(10))
            {
                case < 5 when fields is { Count: > 0 }:
                    var field = fields.Keys.ElementAt(random.Next(fields.Count));
                    if (random.Next(8) == 0) fields.Remove(field);
                    else fields[field] = ValidRequestValues.IsNumber(operation.Body!.Value, field) && random.Next(3) > 0 ? Pick(HostileValues.JsonNumbers) : Pick(HostileValues.Json);
                    mutations.Add($"body.{field} = {Short(fields.GetValueOrDefault(field) ?? "(missing)")}");
                    break;
                case < 7 when path.Count > 0:
                    var name = path.Keys.ElementAt(random.Next(path.Count));
                    var isId = operation.Parameters.Single(p => p.Name == name).Schema.TryGetProperty("format", out var format) && format.GetString() == "int32";
                    path[name] = Uri.EscapeDataString(isId && random.Next(3) > 0 ? Pick(HostileValues.Ids) : Pick(PathTexts));
                    mutations.Add($"path {name} = {Short(path[name])}");
                    break;
                case 7 when query.Count > 0:
                    var parameter = query.Keys.ElementAt(random.Next(query.Count));
                    query[parameter] = random.Next(6) == 0 ? null : Pick(HostileValues.Text);
                    mutations.Add($"query {parameter} = {Short(query[parameter] ?? "(missing)")}");
                    break;
                case 8 when headers.Count > 0:
                    var header = headers.Keys.ElementAt(random.Next(headers.Count));
                    headers[header] = random.Next(3) == 0 ? null : Pick(["x", "", new string('k', 129), new string('k', 5000), "' OR 1=1 --"]);
                    mutations.Add($"header {header} = {Short(headers[header] ?? "(missing)")}");
                    break;
                default:
                    body = Pick(Bodies);
                    if (random.Next(5) == 0) contentType = "text/plain";
                    mutations.Add($"body = {Short(body)} as {contentType}");
                    fields = null;
                    break;
            }
        }

        var url = operation.Path;
        foreach (var (name, value) in path) url = url.Replace("{" + name + "}", value, StringComparison.Ordinal);
        var queryText = string.Join('&', query.Where(q => q.Value is not null).Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value!)}"));
        var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), queryText.Length == 0 ? url : $"{url}?{queryText}");
        foreach (var (name, value) in headers.Where(h => h.Value is not null)) request.Headers.TryAddWithoutValidation(name, value);
        request.Headers.Authorization = new("Bearer", targets.TokenFor(operation.Path));
        body ??= fields is null ? null : "{" + string.Join(',', fields.Select(f => $"{JsonSerializer.Serialize(f.Key)}:{f.Value}")) + "}";
        // A StringContent carries its Content-Length, as phone apps and admin tools send their bodies.
        if (body is not null and not NoBody) request.Content = new StringContent(body, Encoding.UTF8, contentType);
        return new FuzzCase(request, string.Join("; ", mutations));
    }

    private string Pick(string[] values) => values[random.Next(values.Length)];

    private static string Short(string value) => value.Length <= 40 ? value : $"{value[..30]}…({value.Length} chars)";
}
