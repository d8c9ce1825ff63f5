using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Infrastructure.Proxies;

/// <summary>
/// The client's real address behind nginx, for the per-address rate limits, detection and logs: ASP.NET Core's forwarded
/// headers, believed from <see cref="TrustedProxyOptions"/> only. Only the last X-Forwarded-For entry is read (the one our
/// proxy appended), so whatever a client puts in the header itself is never taken for its address.
/// </summary>
public static class TrustedProxies
{
    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.Section)
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = 1;
            // The defaults (127.0.0.0/8 and ::1) stay: loopback is always a trusted proxy.
            foreach (var network in trusted.Value.Networks()) forwarded.KnownIPNetworks.Add(network);
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
