using System.Net;

namespace Hospital.LoadTests.Scenarios;

/// <summary>The runner's HttpClient: loopback targets only, one pooled connection per virtual user.</summary>
public static class LoopbackHttp
{
    public static HttpClient Create(Uri target, int users)
    {
        var loopback = target.IsLoopback || (IPAddress.TryParse(target.Host, out var address) && IPAddress.IsLoopback(address));
        if (!loopback) throw new ArgumentException($"Load goes to loopback addresses only; {target} is not one.", nameof(target));
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = users,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            UseCookies = false,
        };
        return new HttpClient(handler) { BaseAddress = target, Timeout = TimeSpan.FromSeconds(30) };
    }
}
