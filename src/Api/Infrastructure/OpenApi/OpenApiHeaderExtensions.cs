using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>Documents request headers that handlers or filters read themselves, so the OpenAPI document cannot see them.</summary>
public static class OpenApiHeaderExtensions
{
    /// <summary>Adds a required string header parameter with a description and an example value.</summary>
    public static TBuilder WithRequiredHeader<TBuilder>(this TBuilder builder, string name, string description, string example)
        where TBuilder : IEndpointConventionBuilder => builder.WithHeader(name, description, example, required: true);

    /// <summary>Adds an optional string header parameter with a description and an example value.</summary>
    public static TBuilder WithOptionalHeader<TBuilder>(this TBuilder builder, string name, string description, string example)
        where TBuilder : IEndpointConventionBuilder => builder.WithHeader(name, description, example, required: false);

    private static TBuilder WithHeader<TBuilder>(this TBuilder builder, string name, string description, string example, bool required)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Header,
                Required = required,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create(example),
            });
            return Task.CompletedTask;
        });
}
