using System.Diagnostics;
using Hospital.TestSupport;

namespace Hospital.Api.Tests.Options;

/// <summary>
/// The built API process, started as an operator would in Production without its secrets: it must say what to set,
/// one line each, and exit non-zero, instead of aborting with an unhandled exception's stack trace.
/// </summary>
public sealed class ProductionStartProcessTests : IDisposable
{
    private readonly DirectoryInfo _workingDirectory = Directory.CreateTempSubdirectory("hospital-production-start-");

    [Fact]
    public async Task Start_InProductionWithoutRequiredKeys_ExitsNonZeroWithOneLinePerMissingSetting()
    {
        var (exitCode, output) = await RunApiAsync(TimeSpan.FromSeconds(90));

        Assert.NotEqual(0, exitCode);
        Assert.NotEqual(134, exitCode); // SIGABRT: the runtime aborting on an unhandled exception
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var setting in new[] { "Privacy:DataKey", "Auth:SigningKey" })
            Assert.Single(lines, line => line.Contains(setting, StringComparison.Ordinal));
    }

    public void Dispose() => _workingDirectory.Delete(recursive: true);

    private async Task<(int ExitCode, string Output)> RunApiAsync(TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workingDirectory.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Hospital.Api.dll"), "--contentRoot", AppContext.BaseDirectory },
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
                ["Silo__SiloPort"] = FreePort.Next().ToString(),
                ["Silo__GatewayPort"] = FreePort.Next().ToString(),
            },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The API did not exit within {timeout}: {await stdout}{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
