using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Hospital.Silo.Storage.MySql;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;
using MySqlConnector;

namespace Hospital.Silo.Tests.Storage;

/// <summary>
/// The factory's bound on open connections: callers beyond the pool's size wait without a thread (so they can be
/// cancelled), time out with a database error, and get the connection another caller disposes.
/// </summary>
public sealed class MySqlConnectionFactoryTests(MariaDbDatabaseFixture fixture) : IClassFixture<MariaDbDatabaseFixture>
{
    [Fact]
    public void MaxOpenConnections_IsTheDefaultUnlessTheConnectionStringSetsAPoolSize()
    {
        Assert.Equal(MySqlConnectionFactory.DefaultMaxOpenConnections, new MySqlConnectionFactory("Server=127.0.0.1;Uid=app").MaxOpenConnections);
        Assert.Equal(5, new MySqlConnectionFactory("Server=127.0.0.1;Uid=app;Maximum Pool Size=5").MaxOpenConnections);
    }

    [MariaDbFact]
    public async Task Open_ReusesTheSlotOfADisposedConnection()
    {
        var factory = Factory(maxOpen: 1, timeoutSeconds: 2);

        for (var i = 0; i < 3; i++)
        {
            await using var connection = await factory.OpenConnectionAsync();
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT 1"));
        }
    }

    [MariaDbFact]
    public async Task Open_WhileEveryConnectionIsInUse_CanBeCancelled()
    {
        var factory = Factory(maxOpen: 1, timeoutSeconds: 30);
        await using var held = await factory.OpenConnectionAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => factory.OpenConnectionAsync(cancel.Token).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [MariaDbFact]
    public async Task Open_WhileEveryConnectionStaysInUse_FailsWithADatabaseErrorAfterTheConnectionTimeout()
    {
        var factory = Factory(maxOpen: 1, timeoutSeconds: 1);
        await using var held = await factory.OpenConnectionAsync();

        var waited = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<DbException>(() => factory.OpenConnectionAsync().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.True(waited.Elapsed >= TimeSpan.FromSeconds(0.9), $"Failed after {waited.Elapsed}, before the 1 s Connection Timeout.");
    }

    [MariaDbFact]
    public async Task ManyConcurrentCallers_AllSucceed_WithNoMoreConnectionsOpenThanThePoolSize()
    {
        var factory = Factory(maxOpen: 4, timeoutSeconds: 30);
        var open = 0;
        var mostOpen = 0;

        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            await using var connection = await factory.OpenConnectionAsync();
            var now = Interlocked.Increment(ref open);
            InterlockedMax(ref mostOpen, now);
            await connection.ExecuteAsync("DO SLEEP(0.01)");
            Interlocked.Decrement(ref open);
        })));

        Assert.InRange(mostOpen, 1, 4);
    }

    private MySqlConnectionFactory Factory(int maxOpen, int timeoutSeconds) =>
        new(new MySqlConnectionStringBuilder(fixture.Database.ConnectionString) { MaximumPoolSize = (uint)maxOpen, ConnectionTimeout = (uint)timeoutSeconds }
            .ConnectionString);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
