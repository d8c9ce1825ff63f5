using Hospital.Grains.Patients;

namespace Hospital.Grains.Tests.Patients;

public sealed class VisitCodeTests
{
    [Fact]
    public void Next_GivesEightCharactersWithoutLookAlikes_AndNoRepeatsInAThousand()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => VisitCode.Next()).ToList();

        Assert.All(codes, code => Assert.Matches("^[2-9A-HJKMNP-Z]{8}$", code));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("k7m2p9qx", "K7M2P9QX")]
    [InlineData("K7M2-P9QX", "K7M2P9QX")]
    [InlineData(" K7M2 P9QX ", "K7M2P9QX")]
    public void Normalize_AcceptsTheCodeAsPeopleTypeIt(string typed, string code) => Assert.Equal(code, VisitCode.Normalize(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("K7M2P9Q")]
    [InlineData("K7M2P9QXA")]
    [InlineData("K7M2P9Q0")]
    [InlineData("K7M2P9QO")]
    [InlineData("K7M2P9Q1")]
    [InlineData("K7M2P9QI")]
    [InlineData("K7M2P9QL")]
    [InlineData("K7M2P9Q心")]
    public void Normalize_RefusesWhatCannotBeAVisitCode(string? typed) => Assert.Null(VisitCode.Normalize(typed));
}
