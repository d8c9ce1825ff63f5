using System.Net;
using System.Net.Sockets;

namespace Hospital.Api.Apis.Abuse;

/// <summary>
/// Where a booking came from, as detection groups bookings: the client's address, or the device id the app sends (header
/// <see cref="DeviceHeader"/>, optional). <see cref="Key"/> is what is counted; <see cref="Shown"/> the masked form evidence shows.
/// </summary>
public sealed record BookingSource(string Key, string Shown)
{
    public const string DeviceHeader = "X-Device-Id";

    /// <summary>Longest device id counted; longer values are cut (a client controls the header).</summary>
    public const int MaxDeviceIdLength = 64;

    /// <summary>The request's sources: its client address (after trusted forwarded headers) and its device id when it sent one.</summary>
    public static IEnumerable<BookingSource> Of(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is { } address) yield return new BookingSource($"ip:{address}", $"IP {Masked(address)}");
        var device = context.Request.Headers[DeviceHeader].ToString().Trim();
        if (device.Length == 0) yield break;
        if (device.Length > MaxDeviceIdLength) device = device[..MaxDeviceIdLength];
        yield return new BookingSource($"device:{device}", $"device {device[..Math.Min(4, device.Length)]}****");
    }

    /// <summary>An address without its host part: 203.0.113.*, or the first four groups of an IPv6 address.</summary>
    private static string Masked(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = address.GetAddressBytes();
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.*";
        }
        var groups = address.ToString().Split(':');
        return string.Join(':', groups.Take(4)) + ":*";
    }
}
