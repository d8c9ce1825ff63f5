using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hospital.Api.Tests.OpenApi;

/// <summary>
/// Walks the whole OpenAPI document: every operation tells an integrator what it does and every answer it can give, each
/// with an example. An endpoint added without them fails here (see StandardResponses for how an endpoint documents itself).
/// </summary>
public sealed partial class OpenApiResponsesContract(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task EveryOperation_HasAnIntegratorsSummary()
    {
        var failures = (await OperationsAsync())
            .Where(o => !o.Operation.TryGetProperty("summary", out var summary) || ImplementationWords().IsMatch(summary.GetString() ?? "") ||
                        string.IsNullOrWhiteSpace(summary.GetString()))
            .Select(o => o.Name);

        AssertNone(failures);
    }

    [Fact]
    public async Task EveryDeclaredResponse_HasAnExample_AndEveryProblemASchema()
    {
        var failures = new List<string>();
        foreach (var (name, operation) in await OperationsAsync())
        foreach (var response in operation.GetProperty("responses").EnumerateObject())
        {
            var hasContent = response.Value.TryGetProperty("content", out var content);
            if (!hasContent && int.Parse(response.Name) >= 400) failures.Add($"{name} {response.Name}: no problem document");
            if (!hasContent) continue;
            failures.AddRange(content.EnumerateObject().Where(media => !media.Value.TryGetProperty("example", out _))
                .Select(media => $"{name} {response.Name} {media.Name}: no example"));
            if (int.Parse(response.Name) >= 400)
                failures.AddRange(content.EnumerateObject().Where(media => !media.Value.TryGetProperty("schema", out _))
                    .Select(media => $"{name} {response.Name} {media.Name}: no schema"));
        }

        AssertNone(failures);
    }

    [Fact]
    public async Task EveryOperation_DeclaresTheAnswersItCanGive()
    {
        var failures = new List<string>();
        foreach (var (name, operation) in await OperationsAsync())
        {
            var declared = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
            var expected = new List<string> { "503" };
            if (operation.TryGetProperty("requestBody", out _)) expected.AddRange(["400", "413"]);
            if (operation.TryGetProperty("security", out _)) expected.AddRange(["401", "403"]);
            failures.AddRange(expected.Except(declared).Select(status => $"{name}: no {status}"));
        }

        AssertNone(failures);
    }

    [Fact]
    public async Task EveryNotFoundAndConflict_ListsItsCodes()
    {
        var failures = (await OperationsAsync())
            .SelectMany(o => o.Operation.GetProperty("responses").EnumerateObject()
                .Where(r => r.Name is "404" or "409" && !r.Value.GetProperty("description").GetString()!.Contains("`code` is one of", StringComparison.Ordinal))
                .Select(r => $"{o.Name} {r.Name}"));

        AssertNone(failures);
    }

    [Fact]
    public async Task ServiceUnavailable_SaysWhenToRetry()
    {
        var (_, operation) = (await OperationsAsync()).First(o => o.Name == "post /api/appointments");

        var unavailable = operation.GetProperty("responses").GetProperty("503");

        Assert.True(unavailable.GetProperty("headers").TryGetProperty("Retry-After", out _));
        Assert.Equal("storage.unavailable", unavailable.GetProperty("content").GetProperty("application/problem+json").GetProperty("example").GetProperty("code").GetString());
    }

    private static void AssertNone(IEnumerable<string> failures)
    {
        var list = failures.ToList();
        Assert.True(list.Count == 0, string.Join(Environment.NewLine, list));
    }

    private async Task<List<(string Name, JsonElement Operation)>> OperationsAsync()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        return [.. document.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => ($"{operation.Name} {path.Name}", operation.Value)))];
    }

    // How the server is built is not the integrator's business.
    [GeneratedRegex(@"\b(grain|orleans|activat\w*|memory|cache\w*|batch\w*|sqlite|mysql|logged)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ImplementationWords();
}
