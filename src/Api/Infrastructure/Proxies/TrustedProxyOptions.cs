using System.Net;

namespace Hospital.Api.Infrastructure.Proxies;

/// <summary>
/// The reverse proxies (section "TrustedProxies") whose X-Forwarded-For and X-Forwarded-Proto the API believes: addresses
/// ("10.0.0.5") or networks ("10.0.0.0/24"). Loopback is always trusted (nginx on the same host); a request from any other
/// address keeps that address as its client address whatever headers it sends. Validated at start.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string Section = "TrustedProxies";

    /// <summary>Default none: loopback only.</summary>
    public string[] Addresses { get; set; } = [];

    /// <summary>Each entry as a network (a single address is a /32 or /128); throws on one that is neither.</summary>
    public IReadOnlyList<IPNetwork> Networks() => [.. Addresses.Select(Parse)];

    public void Validate() => _ = Networks();

    private static IPNetwork Parse(string entry) =>
        IPNetwork.TryParse(entry, out var network) ? network
        : IPAddress.TryParse(entry, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
        : throw new InvalidOperationException($"TrustedProxies:Addresses: '{entry}' is neither an IP address nor a network such as 10.0.0.0/24.");
}
