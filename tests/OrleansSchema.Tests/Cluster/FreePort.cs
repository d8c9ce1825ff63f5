using System.Net;
using System.Net.Sockets;

namespace Hospital.OrleansSchema.Tests.Cluster;

/// <summary>A loopback port nobody listens on right now, for a silo's or gateway's endpoint.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
