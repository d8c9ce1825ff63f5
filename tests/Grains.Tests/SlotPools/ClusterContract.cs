using Hospital.TestSupport;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Orleans;
using Orleans.Runtime;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>
/// Two nodes forming one Orleans cluster through the MariaDB membership table (cluster mode), callers on both: one
/// activation per pool in the whole cluster, and a node stopped in the middle of a burst loses nothing acknowledged.
/// </summary>
[RequiresMariaDb]
public sealed class ClusterContract(MariaDbDatabaseFixture fixture) : SlotPoolContractBase(fixture), IClassFixture<MariaDbDatabaseFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [MariaDbFact]
    public async Task HoldSlot_From400CallersOnTwoNodes_IsDecidedByOneActivation_WithoutOversell()
    {
        var (first, second) = await StartClusterAsync();
        var session = TestCatalog.Session(1);

        var answers = await Task.WhenAll(Enumerable.Range(0, 400).Select(i =>
            Pool((i % 2 == 0 ? first : second).Grains, session).HoldSlotAsync(Request(session, $"P-cluster-{i}"))));

        var held = answers.Where(a => a.Outcome == HoldOutcome.Held).Select(a => a.Appointment!).ToList();
        var management = first.Grains.GetGrain<IManagementGrain>(0);
        Assert.Equal(2, (await management.GetHosts(onlyActive: true)).Count);
        Assert.Equal(1, await management.GetGrainActivationCount((GrainReference)Pool(first.Grains, session)));
        // Both nodes see the same single activation: two clusters of one node each would each report their own.
        Assert.Equal(await HostingSiloAsync(first, session), await HostingSiloAsync(second, session));
        Assert.Equal(held.Count, held.Select(a => a.SlotNo).Distinct().Count());
        Assert.Equal(held.Select(a => a.Id).Order(), (await RowsAsync(session)).Select(r => r.Id).Order());
        Assert.All(answers.Where(a => a.Outcome != HoldOutcome.Held), a => Assert.Equal(HoldOutcome.SoldOut, a.Outcome));
    }

    [MariaDbFact]
    public async Task NodeHoldingThePool_StoppedMidBurst_ItsPoolReactivatesOnTheSurvivor_AndNoAcknowledgedHoldIsLost()
    {
        var (first, second) = await StartClusterAsync();
        var session = TestCatalog.Session(1);
        var early = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            Pool(first.Grains, session).HoldSlotAsync(Request(session, $"P-early-{i}"))));
        var hosting = await HostingSiloAsync(first, session);
        var (doomed, survivor) = hosting == SiloOf(first) ? (first, second) : (second, first);

        var burst = Enumerable.Range(0, 200).Select(i => TryHoldAsync(survivor, session, $"P-burst-{i}")).ToList();
        await StopHostAsync(doomed);
        var late = await Task.WhenAll(burst);
        var afterStop = await Pool(survivor.Grains, session).HoldSlotAsync(Request(session, "P-after-stop"));

        var acknowledged = early.Select(a => a.Appointment!).Concat(late.OfType<AppointmentView>())
            .Concat(afterStop.Appointment is { } held ? [held] : []).ToList();
        var rows = await RowsAsync(session);
        Assert.All(acknowledged, a => Assert.Contains(rows, r => r.Id == a.Id && r.SlotNo == a.SlotNo));
        Assert.Equal(rows.Count, rows.Select(r => r.SlotNo).Distinct().Count());
        Assert.Equal(SiloOf(survivor), await HostingSiloAsync(survivor, session));
    }

    /// <summary>Two hosts over this test's database in cluster mode; the second joins the first's cluster.</summary>
    private async Task<(HospitalTestHost First, HospitalTestHost Second)> StartClusterAsync()
    {
        Dictionary<string, string?> Node() => new()
        {
            ["Silo:Clustering"] = "AdoNet",
            ["Silo:SiloPort"] = FreePort.Next().ToString(),
            ["Silo:AdvertisedAddress"] = "127.0.0.1",
        };
        var first = await StartHostAsync(Node());
        var second = await StartHostAsync(Node());
        return (first, second);
    }

    /// <summary>A hold that may fail while its node stops; only a held answer counts as acknowledged.</summary>
    private static async Task<AppointmentView?> TryHoldAsync(HospitalTestHost host, string session, string patient)
    {
        try
        {
            return (await Pool(host.Grains, session).HoldSlotAsync(Request(session, patient)).WaitAsync(Limit)).Appointment;
        }
        catch (Exception exception) when (exception is not TimeoutException)
        {
            return null;
        }
    }

    private static SiloAddress SiloOf(HospitalTestHost host) =>
        ((Orleans.Runtime.ILocalSiloDetails)host.Services.GetService(typeof(Orleans.Runtime.ILocalSiloDetails))!).SiloAddress;

    private static async Task<SiloAddress> HostingSiloAsync(HospitalTestHost host, string session)
    {
        var statistics = await host.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Single(s => s.GrainId.Key.ToString() == session).SiloAddress;
    }
}
