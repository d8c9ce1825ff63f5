using System.Text.Json;

namespace Hospital.Api.Tests.Fuzz;

/// <summary>One operation of the OpenAPI document: its method, path template, parameters and JSON body schema (references resolved).</summary>
public sealed record FuzzOperation(string Method, string Path, IReadOnlyList<FuzzParameter> Parameters, JsonElement? Body)
{
    public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";

    /// <summary>Every operation of <paramref name="document"/>, in a fixed order so a seed always makes the same requests.</summary>
    public static IReadOnlyList<FuzzOperation> ReadAll(JsonElement document)
    {
        var schemas = document.GetProperty("components").GetProperty("schemas");
        return
        [
            .. document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject().Select(operation => new FuzzOperation(
                operation.Name, path.Name,
                operation.Value.TryGetProperty("parameters", out var parameters)
                    ? [.. parameters.EnumerateArray().Select(p => new FuzzParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        Resolve(p.GetProperty("schema"), schemas)))]
                    : [],
                operation.Value.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
                    ? Resolve(json.GetProperty("schema"), schemas)
                    : null)))
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal),
        ];
    }

    /// <summary>The schema a <c>$ref</c> points to (one level: properties keep theirs and are resolved when used).</summary>
    public static JsonElement Resolve(JsonElement schema, JsonElement schemas) =>
        schema.TryGetProperty("$ref", out var reference) ? schemas.GetProperty(reference.GetString()!.Split('/')[^1]) : schema;
}

/// <summary>A path, query or header parameter.</summary>
public sealed record FuzzParameter(string Name, string In, JsonElement Schema);
