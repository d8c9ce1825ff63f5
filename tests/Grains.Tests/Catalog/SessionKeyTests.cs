using Hospital.Grains.Catalog;

namespace Hospital.Grains.Tests.Catalog;

public sealed class SessionKeyTests
{
    private static readonly DateOnly s_date = new(2026, 11, 23);

    [Theory]
    [InlineData(42, SessionPeriod.Morning, "D0042-20261123-AM")]
    [InlineData(7, SessionPeriod.Afternoon, "D0007-20261123-PM")]
    [InlineData(12345, SessionPeriod.Evening, "D12345-20261123-EV")]
    public void Build_GivesTheCanonicalId(int doctorId, SessionPeriod period, string expected) =>
        Assert.Equal(expected, SessionKey.Build(doctorId, s_date, period));

    [Theory]
    [InlineData(1, SessionPeriod.Morning)]
    [InlineData(42, SessionPeriod.Afternoon)]
    [InlineData(9999, SessionPeriod.Evening)]
    [InlineData(123456, SessionPeriod.Morning)]
    public void TryParse_ReadsBackWhatBuildWrote(int doctorId, SessionPeriod period)
    {
        var id = SessionKey.Build(doctorId, s_date, period);

        Assert.True(SessionKey.TryParse(id, out var parsedDoctor, out var parsedDate, out var parsedPeriod));
        Assert.Equal((doctorId, s_date, period), (parsedDoctor, parsedDate, parsedPeriod));
        Assert.Equal((doctorId, s_date, period), SessionKey.Parse(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("D0042-20261123")]
    [InlineData("D0042-20261123-AM-1")]
    [InlineData("D0042-20261123-XX")]
    [InlineData("D0042-20261123-am")]
    [InlineData("d0042-20261123-AM")]
    [InlineData("D42-20261123-AM")]
    [InlineData("D00042-20261123-AM")]
    [InlineData("D0000-20261123-AM")]
    [InlineData("D+042-20261123-AM")]
    [InlineData("DABCD-20261123-AM")]
    [InlineData("0042-20261123-AM")]
    [InlineData("D0042-20261131-AM")]
    [InlineData("D0042-2026112-AM")]
    [InlineData("D0042-2026-11-23-AM")]
    [InlineData(" D0042-20261123-AM")]
    [InlineData("D0042-20261123-AM ")]
    public void TryParse_RejectsMalformedIds(string? id)
    {
        Assert.False(SessionKey.TryParse(id, out _, out _, out _));
        if (id is not null) Assert.Throws<FormatException>(() => SessionKey.Parse(id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Build_RejectsNonPositiveDoctorIds(int doctorId) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionKey.Build(doctorId, s_date, SessionPeriod.Morning));

    [Fact]
    public void Build_WithTheLargestDoctorId_FitsTheSessionIdColumnAndParsesBack()
    {
        // Every positive id is a valid doctor id (Doctor's own check); sessions.session_id is VARCHAR(32).
        var id = SessionKey.Build(int.MaxValue, s_date, SessionPeriod.Evening);

        Assert.True(id.Length <= 32, id);
        Assert.Equal((int.MaxValue, s_date, SessionPeriod.Evening), SessionKey.Parse(id));
    }
}
