using Microsoft.Extensions.Options;

namespace Hospital.Silo.Tests.Storage;

public sealed class StorageValidationOnStartTests
{
    [Fact]
    public async Task StartHost_MySqlWithoutConnectionString_FailsBeforeServing()
    {
        using var host = StorageRegistrationContract.BuildHost(new() { ["Storage:Provider"] = "MySql" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:ConnectionString", error.Message);
    }

    [Fact]
    public async Task StartHost_SqliteConnectionStringIsAFilePath_CreatesThatFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hospital-{Guid.NewGuid():N}", "hospital.db");
        using var host = StorageRegistrationContract.BuildHost(new() { ["Storage:ConnectionString"] = file });

        await host.StartAsync();
        await host.StopAsync();

        Assert.True(File.Exists(file));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }
}
