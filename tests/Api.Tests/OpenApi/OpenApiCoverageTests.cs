using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Api.Tests.OpenApi;

/// <summary>The OpenAPI document covers every API endpoint and shows examples for the main booking calls.</summary>
public sealed partial class OpenApiCoverageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task OpenApiDocument_ListsEveryMappedApiEndpointWithItsMethod()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(method =>
                $"{method.ToLowerInvariant()} {RouteConstraint().Replace(e.RoutePattern.RawText!.TrimEnd('/'), "{$1}")}"))
            .ToHashSet();
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name} {path.Name}"))
            .ToHashSet();

        Assert.True(mapped.Count >= 17, $"only {mapped.Count} endpoints found");
        Assert.Empty(mapped.Except(documented));
    }

    [Theory]
    [InlineData("/api/patients", "post", "201", "application/json", "idNumber")]
    [InlineData("/api/patients", "post", "400", "application/problem+json", "errors")]
    [InlineData("/api/appointments", "post", "201", "application/json", "slotNo")]
    [InlineData("/api/appointments", "post", "409", "application/problem+json", "code")]
    [InlineData("/api/appointments/{id}", "get", "200", "application/json", "status")]
    public async Task OpenApiDocument_ShowsResponseExamplesOfTheMainCalls(string path, string method, string status, string mediaType, string property)
    {
        var operation = await OperationAsync(path, method);

        var example = operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty(mediaType).GetProperty("example");

        Assert.True(example.TryGetProperty(property, out _), $"{method} {path} {status} example lacks {property}: {example}");
    }

    [Theory]
    [InlineData("/api/patients", "name")]
    [InlineData("/api/appointments", "sessionId")]
    public async Task OpenApiDocument_ShowsRequestExamplesOfTheCreatingCalls(string path, string property)
    {
        var operation = await OperationAsync(path, "post");

        var example = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");

        Assert.True(example.TryGetProperty(property, out _), $"post {path} request example lacks {property}: {example}");
    }

    [Fact]
    public async Task OpenApiDocument_ProblemExample_CarriesCodeAndTraceId()
    {
        var operation = await OperationAsync("/api/appointments", "post");

        var problem = operation.GetProperty("responses").GetProperty("409").GetProperty("content").GetProperty("application/problem+json").GetProperty("example");

        Assert.Equal(("slot.sold_out", 409), (problem.GetProperty("code").GetString(), problem.GetProperty("status").GetInt32()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Theory]
    [InlineData("/api/appointments", "post", "Idempotency-Key")]
    [InlineData("/api/appointments/{id}/reschedule", "post", "Idempotency-Key")]
    public async Task OpenApiDocument_ListsTheRequiredHeaders(string path, string method, string header)
    {
        var operation = await OperationAsync(path, method);

        var parameter = Assert.Single(operation.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == header);
        Assert.Equal(("header", true), (parameter.GetProperty("in").GetString(), parameter.GetProperty("required").GetBoolean()));
    }

    private async Task<JsonElement> OperationAsync(string path, string method)
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        return document.GetProperty("paths").GetProperty(path).GetProperty(method);
    }

    // "{id:int}" in a route pattern is "{id}" in the document.
    [GeneratedRegex(@"\{([^}:]+):[^}]+\}")]
    private static partial Regex RouteConstraint();
}
