using Microsoft.Playwright;

namespace Hospital.Browser.Tests.Chromium;

/// <summary>Playwright driving Debian's chromium, headless, with the flags that keep it from reaching the network on its own.</summary>
public sealed class DebianChromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private DebianChromium(IPlaywright playwright, IBrowser browser) => (_playwright, Browser) = (playwright, browser);

    public IBrowser Browser { get; }

    public static async Task<DebianChromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumAvailability.ExecutablePath,
            Headless = true,
            // --no-sandbox: the tests may run as root, where chromium's sandbox refuses to start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new DebianChromium(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
