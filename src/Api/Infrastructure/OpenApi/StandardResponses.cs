using System.Globalization;
using Hospital.Api.Infrastructure.Errors;
using Hospital.Api.Infrastructure.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>
/// Adds to every operation of the OpenAPI document the answers any endpoint can give, each with an example problem, so an
/// endpoint declares only what is its own.
/// <list type="bullet">
/// <item>503 with <c>Retry-After</c>: every operation (the database or the cluster is unavailable for a moment).</item>
/// <item>400 and 413: an operation with a request body; 400 also one with a parameter the server must parse (number, date, name).</item>
/// <item>429: an operation with a rate limit (<c>RequireRateLimiting</c>).</item>
/// <item>401 and 403: an operation that requires authorization (<see cref="BearerSecurityExtensions"/>).</item>
/// <item>An example and a schema for every problem response an endpoint declared without them, and the <c>Hospital-Time-Zone</c>
/// header on every response.</item>
/// </list>
/// How a new endpoint documents itself: <c>WithSummary</c> written for an integrator (what the call does for them, its
/// limits; not how it is built); its success responses come from its typed results, each with
/// <see cref="OpenApiExampleExtensions.WithResponseExample{TBuilder}"/> (and <c>WithRequestExample</c> for a body); its own
/// 404 and 409 answers with <see cref="ProblemResponses.ProducesProblemCodes{TBuilder}"/> listing every <c>code</c> it can
/// give (find them in the grains' and handlers' <c>NotFoundException</c>/<c>RuleConflictException</c>). The rest is added
/// here. <c>tests/Api.Tests/OpenApi/OpenApiResponsesContract.cs</c> fails for an endpoint that misses any of it.
/// </summary>
public sealed class StandardResponses : IOpenApiOperationTransformer
{
    private const string RetryAfter = "Retry-After";

    private static readonly OpenApiHeader RetryAfterHeader = new()
    {
        Description = "Seconds to wait before retrying.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
    };

    private static readonly OpenApiHeader TimeZoneHeader = new()
    {
        Description = "The hospital's time zone (`Asia/Shanghai`): bare dates are its calendar dates; instants carry its offset.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody is not null || operation.Parameters?.Any(MustBeParsed) == true)
            ProblemResponses.Add(operation, StatusCodes.Status400BadRequest,
                "A field or parameter is invalid: `errors` names each one (`request.invalid`), or the body is not readable JSON (`request.malformed`).",
                ProblemExamples.Invalid);
        if (operation.RequestBody is not null)
            ProblemResponses.Add(operation, StatusCodes.Status413PayloadTooLarge,
                "The body is larger than the server accepts (`request.too_large`, 64 KiB by default).", ProblemExamples.TooLarge);
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<EnableRateLimitingAttribute>().Any())
            ProblemResponses.Add(operation, StatusCodes.Status429TooManyRequests,
                "Too many requests; retry after `Retry-After` seconds (`request.rate_limited`).", ProblemExamples.RateLimited)
                ?.Headers = new Dictionary<string, IOpenApiHeader> { [RetryAfter] = Component(RetryAfter, RetryAfterHeader, context.Document!) };
        ProblemResponses.Add(operation, StatusCodes.Status503ServiceUnavailable,
            "Unavailable for a moment; retry after `Retry-After` seconds. `code` is one of `storage.unavailable`, `server.overloaded`, " +
            "`server.timeout`, `state.conflict`.", ProblemExamples.StorageUnavailable)
            ?.Headers = new Dictionary<string, IOpenApiHeader> { [RetryAfter] = Component(RetryAfter, RetryAfterHeader, context.Document!) };
        foreach (var (key, response) in operation.Responses!)
        {
            var status = int.Parse(key, CultureInfo.InvariantCulture);
            if (status >= 400)
            {
                ProblemResponses.GiveExample(response, ProblemExamples.For(status, StatusProblemCodes.ForStatus(status)));
                var schemaType = status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
                foreach (var media in response.Content!.Values.Where(media => media.Schema is null))
                    media.Schema = await ComponentAsync(schemaType, context, cancellationToken);
            }
            if (response is OpenApiResponse writable)
            {
                writable.Headers ??= new Dictionary<string, IOpenApiHeader>();
                writable.Headers.TryAdd(HospitalTimeZoneHeader.Name, Component(HospitalTimeZoneHeader.Name, TimeZoneHeader, context.Document!));
            }
        }
    }

    /// <summary>A reference to a header described once among the document's components.</summary>
    private static OpenApiHeaderReference Component(string name, OpenApiHeader header, OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        document.Components.Headers.TryAdd(name, header);
        return new OpenApiHeaderReference(name, document);
    }

    /// <summary>A reference to the type's schema among the document's components (added once), as the framework writes a declared problem's.</summary>
    private static async Task<IOpenApiSchema> ComponentAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
            document.AddComponent<IOpenApiSchema>(type.Name, await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken));
        return new OpenApiSchemaReference(type.Name, document);
    }

    /// <summary>A parameter that is not free text: a number, a date or a name from a list, which a client can get wrong.</summary>
    private static bool MustBeParsed(IOpenApiParameter parameter) =>
        parameter.Schema is not OpenApiSchema { Type: JsonSchemaType.String, Format: null, Enum: null or { Count: 0 } };
}
