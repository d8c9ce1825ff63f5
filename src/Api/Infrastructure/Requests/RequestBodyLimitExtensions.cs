using Hospital.Api.Infrastructure.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Infrastructure.Requests;

public static class RequestBodyLimitExtensions
{
    /// <summary>
    /// Caps request bodies at <see cref="ApiOptions.MaxRequestBodyBytes"/> instead of Kestrel's 30 MB. A declared length
    /// over the cap is refused at once, before anything reads it; the server stops a body without one once it passes the
    /// cap. Both answer 413 problem details with the code <c>request.too_large</c>.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app)
    {
        // Read per request (Options caches the value), not here: reading it while the pipeline is built would throw the
        // first invalid setting alone, before start-up validation can report every one of them.
        var options = app.ApplicationServices.GetRequiredService<IOptions<ApiOptions>>();
        return app.Use(async (context, next) =>
        {
            var limit = options.Value.MaxRequestBodyBytes;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server) server.MaxRequestBodySize = limit;
            if (context.Request.ContentLength <= limit || context.Request.ContentLength is null)
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = "Content Too Large", Detail = $"Request bodies are at most {limit} bytes." },
            });
        });
    }
}
