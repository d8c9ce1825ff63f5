using System.Security.Cryptography;
using System.Text;
using Hospital.Api.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Apis;

/// <summary>Admits admin calls that carry the configured key in X-Admin-Key, until staff accounts exist. Compared in constant time.</summary>
internal sealed class AdminKeyFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public const string Header = "X-Admin-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = Encoding.UTF8.GetBytes(context.HttpContext.Request.Headers[Header].ToString());
        var expected = Encoding.UTF8.GetBytes(options.Value.AdminKey);
        if (!CryptographicOperations.FixedTimeEquals(presented, expected))
        {
            return TypedResults.Problem("Send the administrator key in the X-Admin-Key header.", statusCode: StatusCodes.Status401Unauthorized,
                title: "Administrator key required", extensions: new Dictionary<string, object?> { ["code"] = "auth.admin_key_required" });
        }
        return await next(context);
    }
}
