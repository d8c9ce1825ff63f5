using Hospital.Grains.Catalog;

namespace Hospital.Grains.Tests.Catalog;

public sealed class ChannelAssignmentTests
{
    public static TheoryData<int, int, int> CountCases => new()
    {
        { 21, 6, 3 }, { 8, 1, 0 }, { 0, 5, 0 }, { 1, 1, 1 }, { 28, 12, 0 }, { 7, 2, 1 }, { 40, 0, 0 }, { 3, 10, 7 },
    };

    [Theory]
    [MemberData(nameof(CountCases))]
    public void Assign_GivesEveryChannelExactlyItsCount(int app, int phone, int addOn)
    {
        var counts = new ChannelCounts(app, phone, addOn);

        var channels = ChannelAssignment.Assign(counts);

        Assert.Equal(counts.Total, channels.Count);
        foreach (var channel in Enum.GetValues<BookingChannel>()) Assert.Equal(counts.For(channel), channels.Count(c => c == channel));
    }

    [Theory]
    [MemberData(nameof(CountCases))]
    public void Assign_KeepsEveryPrefixWithinOneSlotOfEachChannelsShare(int app, int phone, int addOn)
    {
        var counts = new ChannelCounts(app, phone, addOn);
        var channels = ChannelAssignment.Assign(counts);

        for (var prefix = 1; prefix <= channels.Count; prefix++)
        {
            foreach (var channel in Enum.GetValues<BookingChannel>())
            {
                var expected = (double)prefix * counts.For(channel) / counts.Total;
                var actual = channels.Take(prefix).Count(c => c == channel);
                Assert.True(Math.Abs(actual - expected) < 1.0, $"{channel} has {actual} of the first {prefix} slots, expected about {expected:F2}.");
            }
        }
    }

    [Fact]
    public void Assign_SpreadsReservedSlotsInsteadOfGroupingThem()
    {
        var channels = ChannelAssignment.Assign(new ChannelCounts(7, 2, 1));

        Assert.Equal(
            [BookingChannel.App, BookingChannel.App, BookingChannel.PhoneWindow, BookingChannel.App, BookingChannel.App,
             BookingChannel.DoctorAddOn, BookingChannel.App, BookingChannel.App, BookingChannel.PhoneWindow, BookingChannel.App],
            channels);
    }

    [Fact]
    public void Assign_OfAnEmptySession_IsEmpty() =>
        Assert.Empty(ChannelAssignment.Assign(new ChannelCounts(0, 0, 0)));
}
