using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>
/// Puts the bearer scheme into the OpenAPI document and a requirement of it, with its 401 and 403 answers, on every endpoint
/// that requires authorization, so Swagger UI's "Authorize" sends the token and clients see which calls need one.
/// </summary>
public static class BearerSecurityExtensions
{
    public const string SchemeName = "Bearer";

    public static OpenApiOptions AddBearerSecurity(this OpenApiOptions options) => options
        .AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from POST /api/auth/login (patients) or POST /api/staff/login (staff).",
            };
            return Task.CompletedTask;
        })
        .AddOperationTransformer((operation, context, _) =>
        {
            if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any()) return Task.CompletedTask;
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
            ProblemResponses.Add(operation, StatusCodes.Status401Unauthorized, "No valid access token (`auth.unauthenticated`).", ProblemExamples.Unauthenticated);
            ProblemResponses.Add(operation, StatusCodes.Status403Forbidden, "The token's role or scope does not allow this call (`auth.forbidden`).",
                ProblemExamples.Forbidden);
            return Task.CompletedTask;
        });
}
