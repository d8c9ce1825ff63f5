namespace Hospital.Api.Infrastructure.OpenApi;

public static class ApiDocumentationExtensions
{
    private const string DocumentName = "v1";
    private static readonly PathString SwaggerUiPath = "/swagger";

    /// <summary>Registers the OpenAPI document <c>v1</c>, generated from the mapped endpoints.</summary>
    public static IHostApplicationBuilder AddApiDocumentation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(DocumentName, options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Hospital appointment API";
            document.Info.Description = "Booking, payment, visits and administration. Errors are RFC 9457 problem details with a stable `code`. " +
                "Time: the hospital's clock is Asia/Shanghai (UTC+08:00). Every instant is written in that zone with its offset " +
                "(`2026-11-24T08:48:00+08:00`); bare dates (a calendar day, a session's date) are the hospital's calendar dates; every " +
                "response carries the header `Hospital-Time-Zone: Asia/Shanghai`.";
            return Task.CompletedTask;
        }).AddBearerSecurity().AddOperationTransformer<StandardResponses>());
        return builder;
    }

    /// <summary>
    /// Serves the document at <c>/openapi/v1.json</c>, Swagger UI at <c>/swagger</c> reading it, and at <c>/</c> links to both. Swagger UI's middleware
    /// matches every request it sees against a regular expression, so it sits on a branch that only <c>/swagger</c> requests
    /// take: a profile of the release burst found it on the path of every booking.
    /// </summary>
    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi();
        // The server's bare address is the first thing a newcomer opens; it shows the way instead of a 404.
        app.MapGet("/", () => TypedResults.Ok(new ApiIndex("Hospital appointment API", SwaggerUiPath.Value!, $"/openapi/{DocumentName}.json", "/health/ready")))
            .ExcludeFromDescription().AllowAnonymous();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(SwaggerUiPath), branch => branch.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint($"/openapi/{DocumentName}.json", "Hospital appointment API");
            options.RoutePrefix = SwaggerUiPath.Value![1..];
        }));
        return app;
    }
}
