using System.Net;
using Hospital.Api.Infrastructure.Proxies;
using Hospital.Api.Infrastructure.RateLimits;
using Hospital.Grains.Abuse;

namespace Hospital.Api.Tests.Abuse;

/// <summary>The anti-scalping settings are checked at start: a typo in a proxy's address or a zero limit stops the node.</summary>
public sealed class AbuseOptionsTests
{
    [Fact]
    public void TrustedProxies_ReadsAddressesAndNetworks()
    {
        var networks = new TrustedProxyOptions { Addresses = ["10.0.0.5", "172.28.0.0/24", "fd00::1"] }.Networks();

        Assert.Equal(["10.0.0.5/32", "172.28.0.0/24", "fd00::1/128"], networks.Select(n => n.ToString()));
        Assert.True(networks[1].Contains(IPAddress.Parse("172.28.0.10")));
    }

    [Theory]
    [InlineData("nginx")]
    [InlineData("10.0.0.0/33")]
    [InlineData("")]
    public void TrustedProxies_WithAnUnreadableEntry_FailsNamingTheSetting(string entry)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new TrustedProxyOptions { Addresses = [entry] }.Validate());

        Assert.Contains("TrustedProxies:Addresses", error.Message);
    }

    [Fact]
    public void BookingRateLimits_WithAZeroLimit_Fail() =>
        Assert.Throws<InvalidOperationException>(() => new BookingRateLimitOptions { BookingsPerIp = 0 }.Validate());

    [Fact]
    public void Detection_WithAZeroWindow_Fails() =>
        Assert.Throws<InvalidOperationException>(() => new AbuseDetectionOptions { SourceWindow = TimeSpan.Zero }.Validate());
}
