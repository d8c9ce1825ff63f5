using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Hospital.Api.Infrastructure.Json;

/// <summary>
/// 200 with a body already serialized as UTF-8 JSON (a cached answer), described in the OpenAPI document as
/// <typeparamref name="T"/>, exactly as <see cref="Microsoft.AspNetCore.Http.HttpResults.Ok{TValue}"/> describes it.
/// </summary>
public sealed class Utf8JsonOk<T>(byte[] utf8Json) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = utf8Json.Length;
        return response.Body.WriteAsync(utf8Json, httpContext.RequestAborted).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
