using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>
/// Attaches examples to an endpoint's operation in the OpenAPI document. Examples are instances of the real request and
/// response types, serialized as the API serializes them, so they cannot drift from the contracts.
/// </summary>
public static class OpenApiExampleExtensions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Sets the example of the request body (every media type it accepts).</summary>
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, object example) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var media in operation.RequestBody?.Content?.Values ?? []) media.Example = ToNode(example);
            return Task.CompletedTask;
        });

    /// <summary>Sets the example of the response with <paramref name="statusCode"/>, which the endpoint must declare.</summary>
    public static TBuilder WithResponseExample<TBuilder>(this TBuilder builder, int statusCode, object example) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.GetValueOrDefault(statusCode.ToString(CultureInfo.InvariantCulture)) is not { Content: { } content })
                throw new InvalidOperationException($"{operation.OperationId ?? operation.Summary} declares no {statusCode} response to show an example for.");
            foreach (var media in content.Values) media.Example = ToNode(example);
            return Task.CompletedTask;
        });

    internal static JsonNode? ToNode(object example) => JsonSerializer.SerializeToNode(example, example.GetType(), Json);
}
