using System.Net;
using System.Net.Sockets;

namespace Hospital.TestSupport;

/// <summary>A loopback port nothing listens on right now, for the silo of a test host (tests run in parallel).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
