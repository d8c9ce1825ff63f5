using Hospital.TestSupport;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Orleans;
using Orleans.Runtime;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>
/// Cluster mode as production configures it: two nodes join one Orleans cluster through the MariaDB membership table
/// (the ADO.NET provider, real networking, Orleans' own grain directory). <see cref="ClusterContract"/> covers pools in a cluster on the test host's
/// in-memory membership and directory; OrleansSchema.Tests covers the provider's table contract with silos of its own. This is the one
/// check that our own cluster-mode settings (SiloHostingExtensions.AddSilo) form one cluster.
/// </summary>
[RequiresMariaDb]
public sealed class ClusterModeContract(MariaDbDatabaseFixture fixture) : SlotPoolContractBase(fixture), IClassFixture<MariaDbDatabaseFixture>
{
    [MariaDbFact]
    public async Task TwoNodesInClusterMode_JoinThroughTheDatabase_AndCallersOnBothReachOnePoolActivation()
    {
        await using var first = await StartNodeAsync();
        await using var second = await StartNodeAsync();
        var session = TestCatalog.Session(1);

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Pool((i % 2 == 0 ? first : second).Grains, session).HoldSlotAsync(Request(session, $"P-mode-{i}"))));

        var management = first.Grains.GetGrain<IManagementGrain>(0);
        Assert.Equal(2, (await management.GetHosts(onlyActive: true)).Count);
        Assert.Equal(1, await management.GetGrainActivationCount((GrainReference)Pool(first.Grains, session)));
        // Two clusters of one node each would each report an activation of their own.
        Assert.Equal(await ClusterContract.HostingSiloAsync(first.Grains, session), await ClusterContract.HostingSiloAsync(second.Grains, session));
        var held = answers.Where(a => a.Outcome == HoldOutcome.Held).Select(a => a.Appointment!).ToList();
        Assert.Equal(TestCatalog.Quota, held.Count);
        Assert.Equal(held.Select(a => a.Id).Order(), (await RowsAsync(session)).Select(r => r.Id).Order());
    }

    private Task<HospitalTestHost> StartNodeAsync() => HospitalTestHost.StartAsync(Database, Clock, new Dictionary<string, string?>
    {
        ["Silo:Clustering"] = "AdoNet",
        ["Silo:SiloPort"] = FreePort.Next().ToString(),
        ["Silo:AdvertisedAddress"] = "127.0.0.1",
    });
}
