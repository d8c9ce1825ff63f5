namespace Hospital.Browser.Tests.Chromium;

/// <summary>A fact that needs a real browser: skipped by <see cref="ChromiumAvailability"/>'s rule (never when CI=true).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = ChromiumAvailability.SkipReason;
}
