using System.Net;
using Hospital.Api.Apis.Abuse;
using Hospital.Grains.Abuse;
using Hospital.Grains.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Hospital.Api.Tests.Abuse;

/// <summary>The in-memory count of accounts per booking source: a sliding window, each account found once per source and window.</summary>
public sealed class BookingSourceWatchTests
{
    private static readonly BookingSource Farm = new("device:farm", "device farm****");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
    private readonly BookingSourceWatch _watch;

    public BookingSourceWatchTests() =>
        _watch = new BookingSourceWatch(Microsoft.Extensions.Options.Options.Create(new AbuseDetectionOptions { AccountsPerSource = 2, SourceWindow = TimeSpan.FromMinutes(10) }), new HospitalClock(_clock));

    [Fact]
    public void Record_PastTheThreshold_FindsEveryAccountOfTheSourceOnce()
    {
        var found = new[] { "a", "b", "c", "a", "d" }.Select(account => _watch.Record(account, [Farm]).Select(f => f.AccountId).Order().ToList()).ToList();

        Assert.Equal([[], [], ["a", "b", "c"], [], ["d"]], found);
    }

    [Fact]
    public void Record_AccountsSeenBeforeTheWindow_DoNotCount()
    {
        _watch.Record("a", [Farm]);
        _watch.Record("b", [Farm]);
        _clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Empty(_watch.Record("c", [Farm]));
        Assert.Empty(_watch.Record("d", [Farm]));
        Assert.Equal(["c", "d", "e"], _watch.Record("e", [Farm]).Select(f => f.AccountId).Order());
    }

    [Fact]
    public void Sources_AreTheAddressAndTheDevice_Masked()
    {
        var context = new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse("2001:db8:85a3:8d3:1319:8a2e:370:7348") } };
        context.Request.Headers[BookingSource.DeviceHeader] = " " + new string('x', 100) + " ";

        var sources = BookingSource.Of(context).ToList();

        Assert.Equal(["IP 2001:db8:85a3:8d3:*", "device xxxx****"], sources.Select(s => s.Shown));
        Assert.Equal(BookingSource.MaxDeviceIdLength, sources[1].Key.Length - "device:".Length);
    }
}
