using Dapper;
using Hospital.Silo.Hosting;
using Hospital.Silo.Storage;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hospital.Silo.Tests.Storage;

/// <summary>AddSiloStorage as a host uses it, on every backend: configured provider, migration before serving, grain state.</summary>
public abstract class StorageRegistrationContract(TestDatabaseFixture fixture)
{
    [ContractFact]
    public async Task StartHost_WithStorageSettings_MigratesTheEmptyDatabaseBeforeStartReturns()
    {
        var database = await fixture.CreateDatabaseAsync(migrate: false);
        using var host = BuildHost(new()
        {
            ["Storage:Provider"] = database.Provider.ToString(),
            ["Storage:ConnectionString"] = database.ConnectionString,
        });

        await host.StartAsync();

        Assert.Equal(database.Provider, host.Services.GetRequiredService<IDbConnectionFactory>().Provider);
        await using var connection = await database.ConnectionFactory.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT MIN(version) FROM schema_version"));
        var store = host.Services.GetRequiredService<IGrainStateStore>();
        var etag = await store.WriteAsync("pool", "session-1", "{}", null);
        Assert.Equal(etag, (await store.ReadAsync("pool", "session-1"))?.Etag);
        await host.StopAsync();
    }

    internal static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSiloStorage(builder.Configuration);
        return builder.Build();
    }
}
