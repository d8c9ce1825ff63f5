using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>Documents request headers that handlers or filters read themselves, so the OpenAPI document cannot see them.</summary>
public static class OpenApiHeaderExtensions
{
    /// <summary>Adds a required string header parameter with a description and an example value.</summary>
    public static TBuilder WithRequiredHeader<TBuilder>(this TBuilder builder, string name, string description, string example)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Header,
                Required = true,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create(example),
            });
            return Task.CompletedTask;
        });
}
