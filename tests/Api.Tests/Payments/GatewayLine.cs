using System.Net;
using Hospital.Silo.Payments;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Api.Tests.Payments;

/// <summary>The sandbox gateway's line to the app: its notifications are posted to the app itself, in memory, unless the test has cut the line.</summary>
public sealed class GatewayLine(Func<bool> cut, HttpMessageHandler app) : DelegatingHandler(app)
{
    public static void Connect(IServiceCollection services, Func<bool> cut) =>
        services.AddHttpClient(SandboxNotifier.ClientName).ConfigurePrimaryHttpMessageHandler(provider =>
            new GatewayLine(cut, ((TestServer)provider.GetRequiredService<IServer>()).CreateHandler()));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        cut() ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)) : base.SendAsync(request, cancellationToken);
}
