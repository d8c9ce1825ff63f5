using Hospital.Api.Infrastructure.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Infrastructure.Requests;

public static class RequestBodyLimitExtensions
{
    /// <summary>
    /// Caps request bodies at <see cref="ApiOptions.MaxRequestBodyBytes"/> instead of Kestrel's 30 MB. A declared length
    /// over the cap is refused at once; the server stops a body without one once it passes the cap. Both end as 413
    /// problem details (<c>request.too_large</c>) through the one exception handler.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app)
    {
        var limit = app.ApplicationServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
        return app.Use((context, next) =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server) server.MaxRequestBodySize = limit;
            if (context.Request.ContentLength > limit)
                throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            return next(context);
        });
    }
}
