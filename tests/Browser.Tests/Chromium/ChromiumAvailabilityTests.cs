namespace Hospital.Browser.Tests.Chromium;

/// <summary>Browser tests are skipped only where that is harmless: locally without chromium, never in CI.</summary>
public sealed class ChromiumAvailabilityTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("TRUE", false)]
    public void SkipReasonFor_WhenInstalledOrInCi_RunsTheTests(string? ci, bool installed) =>
        Assert.Null(ChromiumAvailability.SkipReasonFor(ci, installed));

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public void SkipReasonFor_WithoutChromiumOutsideCi_SkipsLoudlyNamingTheFix(string? ci) =>
        Assert.Contains("apt-get install chromium", ChromiumAvailability.SkipReasonFor(ci, installed: false));
}
