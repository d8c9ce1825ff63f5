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
}
