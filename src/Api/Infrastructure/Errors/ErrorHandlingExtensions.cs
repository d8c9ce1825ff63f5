namespace Hospital.Api.Infrastructure.Errors;

public static class ErrorHandlingExtensions
{
    /// <summary>Problem details (RFC 9457) with <c>code</c> and <c>traceId</c> for every error response.</summary>
    public static IHostApplicationBuilder AddErrorHandling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsCustomization.Apply);
        builder.Services.AddSingleton<ExceptionProblemMapper>();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Binding failures throw in every environment, so they reach the one handler and read the same everywhere.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>Exceptions and bare error status codes (e.g. an unmatched route) become problem details.</summary>
    public static IApplicationBuilder UseErrorHandling(this IApplicationBuilder app) =>
        app.UseExceptionHandler().UseStatusCodePages();
}
