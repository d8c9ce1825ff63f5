using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Payments;
using Hospital.Silo.Payments;
using Hospital.Silo.Storage;
using Hospital.Silo.Storage.MySql;
using Hospital.TestSupport.Databases;
using MySqlConnector;

namespace Hospital.Silo.Tests.Storage.Payments;

/// <summary>
/// The sandbox gateway's store takes one pooled connection at a time: opening an order with a pool of one connection
/// works, and so do many at once. Holding the insert's connection while reading the order back needed two, and under a
/// load run's concurrency every caller held one and waited for another until the pool's time-out.
/// </summary>
public sealed class SandboxGatewayStorePoolTests(MariaDbDatabaseFixture fixture) : IClassFixture<MariaDbDatabaseFixture>
{
    [Fact]
    public async Task Open_WithAPoolOfOneConnection_ManyAtOnce_AllAnswer()
    {
        var connections = new MySqlConnectionFactory(
            new MySqlConnectionStringBuilder(fixture.Database.ConnectionString) { MaximumPoolSize = 1, ConnectionTimeout = 3 }.ConnectionString);
        await using var writes = TestSharedWriter.For(connections);
        var records = new SandboxGatewayStore(connections, writes);
        var at = new DateTimeOffset(2026, 11, 23, 1, 0, 2, TimeSpan.Zero);

        var orders = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => records.OpenAsync(
            new GatewayOrderRequest($"{Guid.NewGuid():N}.pay", 50m, PaymentSplit.AllSelfPay(50m), "fee", at.AddMinutes(15)), at, CancellationToken.None)));

        Assert.All(orders, o => Assert.Equal((50m, GatewayPaymentState.NotPaid), (o.Amount, o.State)));
    }
}
