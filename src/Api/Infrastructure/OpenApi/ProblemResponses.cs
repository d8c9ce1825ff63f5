using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>Problem responses (<c>application/problem+json</c>) with an example, added to an operation of the OpenAPI document.</summary>
public static class ProblemResponses
{
    public const string MediaType = "application/problem+json";

    /// <summary>Adds the response unless the endpoint declared that status itself; then only gives it an example if it has none.</summary>
    public static OpenApiResponse? Add(OpenApiOperation operation, int status, string description, object example)
    {
        operation.Responses ??= [];
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses.TryGetValue(key, out var declared))
        {
            GiveExample(declared, example);
            return declared as OpenApiResponse;
        }
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [MediaType] = new() { Example = OpenApiExampleExtensions.ToNode(example) } },
        };
        operation.Responses[key] = response;
        return response;
    }

    /// <summary>
    /// Sets the example of every media type of <paramref name="response"/> that has none, or of all with
    /// <paramref name="replace"/>; a response declared without a body (a bare <c>NotFound</c>) gets a problem document,
    /// as the API answers it.
    /// </summary>
    public static void GiveExample(IOpenApiResponse response, object example, bool replace = false)
    {
        if (response is not OpenApiResponse writable) return;
        writable.Content ??= new Dictionary<string, OpenApiMediaType>();
        if (writable.Content.Count == 0) writable.Content[MediaType] = new OpenApiMediaType();
        foreach (var media in writable.Content.Values)
            if (replace || media.Example is null) media.Example = OpenApiExampleExtensions.ToNode(example);
    }

    /// <summary>
    /// Declares a problem response of the endpoint and every <c>code</c> it can carry, listed in the response's description;
    /// the example shows the first code.
    /// </summary>
    public static TBuilder ProducesProblemCodes<TBuilder>(this TBuilder builder, int status, params string[] codes)
        where TBuilder : IEndpointConventionBuilder
    {
        if (codes.Length == 0) throw new ArgumentException("Name at least one code.", nameof(codes));
        builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), [MediaType]));
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var response = operation.Responses![status.ToString(CultureInfo.InvariantCulture)];
            if (response is OpenApiResponse writable)
                writable.Description = $"{ReasonPhrases.GetReasonPhrase(status)}: `code` is one of {string.Join(", ", codes.Select(code => $"`{code}`"))}.";
            GiveExample(response, ProblemExamples.For(status, codes[0]), replace: true);
            return Task.CompletedTask;
        });
    }
}
