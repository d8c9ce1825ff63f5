using Hospital.Grains.Availability;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>
/// Two silos in one Orleans cluster (the test host's), callers on both: one activation per pool in the whole cluster, and
/// a silo stopped in the middle of a burst loses nothing acknowledged. On each backend, since membership is the test host's.
/// </summary>
public abstract class ClusterContract(TestDatabaseFixture fixture) : SlotPoolContractBase(fixture)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [ContractFact]
    public async Task HoldSlot_From400CallersOnTwoSilos_IsDecidedByOneActivation_WithoutOversell()
    {
        var silos = (await StartClusterAsync(silos: 2)).Silos;
        var session = TestCatalog.Session(1);

        var answers = await Task.WhenAll(Enumerable.Range(0, 400).Select(i =>
            Pool(silos[i % 2].Grains, session).HoldSlotAsync(Request(session, $"P-cluster-{i}"))));

        var held = answers.Where(a => a.Outcome == HoldOutcome.Held).Select(a => a.Appointment!).ToList();
        var management = silos[0].Grains.GetGrain<IManagementGrain>(0);
        Assert.Equal(2, (await management.GetHosts(onlyActive: true)).Count);
        Assert.Equal(1, await management.GetGrainActivationCount((GrainReference)Pool(silos[0].Grains, session)));
        Assert.Equal(await HostingSiloAsync(silos[0], session), await HostingSiloAsync(silos[1], session));
        Assert.Equal(TestCatalog.Quota, held.Count);
        Assert.Equal(held.Count, held.Select(a => a.SlotNo).Distinct().Count());
        Assert.Equal(held.Select(a => a.Id).Order(), (await RowsAsync(session)).Select(r => r.Id).Order());
        Assert.All(answers.Where(a => a.Outcome != HoldOutcome.Held), a => Assert.Equal(HoldOutcome.SoldOut, a.Outcome));
    }

    [ContractFact]
    public async Task SiloHoldingThePool_StoppedMidBurst_ItsPoolReactivatesOnTheSurvivor_AndNoAcknowledgedHoldIsLost()
    {
        var cluster = await StartClusterAsync(silos: 2);
        var silos = cluster.Silos;
        var session = TestCatalog.Session(1);
        var early = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            Pool(silos[0].Grains, session).HoldSlotAsync(Request(session, $"P-early-{i}"))));
        var hosting = await HostingSiloAsync(silos[0], session);
        var (doomed, survivor) = hosting == silos[0].Address ? (silos[0], silos[1]) : (silos[1], silos[0]);

        var burst = Enumerable.Range(0, 200).Select(i => TryHoldAsync(survivor, session, $"P-burst-{i}")).ToList();
        await cluster.StopSiloAsync(doomed);
        var late = await Task.WhenAll(burst);
        var afterStop = await Pool(survivor.Grains, session).HoldSlotAsync(Request(session, "P-after-stop"));

        var acknowledged = early.Select(a => a.Appointment!).Concat(late.OfType<AppointmentView>())
            .Concat(afterStop.Appointment is { } held ? [held] : []).ToList();
        var rows = await RowsAsync(session);
        Assert.All(acknowledged, a => Assert.Contains(rows, r => r.Id == a.Id && r.SlotNo == a.SlotNo));
        Assert.Equal(rows.Count, rows.Select(r => r.SlotNo).Distinct().Count());
        Assert.Equal(survivor.Address, await HostingSiloAsync(survivor, session));
    }

    [ContractFact]
    public async Task AvailabilityOnEveryNode_FollowsAPool_WhicheverNodeItLivesOn()
    {
        var silos = (await StartClusterAsync(silos: 2)).Silos;
        foreach (var silo in silos) await silo.Services.GetRequiredService<AvailabilityRelay>().JoinAsync(); // as each node does at start
        var session = TestCatalog.Session(1);
        var boards = silos.Select(silo => silo.Services.GetRequiredService<AvailabilityBoard>()).ToList();
        var before = boards[0].Find(session)!.Available;

        await Pool(silos[0].Grains, session).HoldSlotAsync(Request(session, "P-shown-everywhere"));
        var shown = await Task.WhenAll(boards.Select(board => Eventually.ReturnsAsync(
            () => Task.FromResult(board.Find(session)), availability => availability?.Available == before - 1)));

        Assert.All(shown, availability => Assert.Equal(before - 1, availability!.Available));
    }

    /// <summary>A hold that may fail while its silo stops; only a held answer counts as acknowledged.</summary>
    private static async Task<AppointmentView?> TryHoldAsync(HospitalSilo silo, string session, string patient)
    {
        try
        {
            return (await Pool(silo.Grains, session).HoldSlotAsync(Request(session, patient)).WaitAsync(Limit)).Appointment;
        }
        catch (Exception exception) when (exception is not TimeoutException)
        {
            return null;
        }
    }

    /// <summary>The silo holding the pool's activation, as the cluster's management grain reports it.</summary>
    internal static async Task<SiloAddress> HostingSiloAsync(IGrainFactory grains, string session)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Single(s => s.GrainId.Key.ToString() == session).SiloAddress;
    }

    private static Task<SiloAddress> HostingSiloAsync(HospitalSilo silo, string session) => HostingSiloAsync(silo.Grains, session);
}

public sealed class SqliteClusterContract(SqliteDatabaseFixture fixture) : ClusterContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[TestSupport.MariaDb.RequiresMariaDb]
public sealed class MariaDbClusterContract(MariaDbDatabaseFixture fixture) : ClusterContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
