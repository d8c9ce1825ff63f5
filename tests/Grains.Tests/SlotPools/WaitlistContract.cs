using Dapper;
using Hospital.Grains.Abstractions.Waitlists;
using Hospital.Silo.Storage.Waitlists;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>
/// Waitlists on the Orleans test host over each database: returned slots go to the waiting patients in order, in the pool's
/// own group commit, never to a newcomer racing them; an unpaid offer passes on; the queue survives a restart.
/// </summary>
public abstract class WaitlistContract(TestDatabaseFixture fixture) : SlotPoolContractBase(fixture)
{
    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(15);

    [ContractFact]
    public async Task ReturnedSlots_RacingNewBookers_GoToTheWaitingPatientsInOrder_NeverToANewcomer()
    {
        var host = await StartClusterAsync();
        var session = TestCatalog.Session(1);
        var booked = await FillAsync(host, session);
        var waiting = Enumerable.Range(0, 20).Select(i => $"W{i:D2}").ToList();
        foreach (var patient in waiting) await Pool(host.Grains, session).JoinWaitlistAsync(Join(session, patient));

        var newcomers = Enumerable.Range(0, 200).Select(i => Pool(host.Grains, session).HoldSlotAsync(Request(session, $"N{i:D3}"))).ToList();
        var cancellations = booked.Take(10).Select(b => Pool(host.Grains, session).CancelAsync(b.Id, b.PatientId, "plans changed")).ToList();
        var answers = await Task.WhenAll(newcomers);
        await Task.WhenAll(cancellations);

        Assert.All(answers, a => Assert.Equal(HoldOutcome.SoldOut, a.Outcome));
        var live = await LiveRowsAsync(session);
        Assert.Equal(TestCatalog.Quota, live.Count);
        Assert.Equal(TestCatalog.Quota, live.Select(r => r.SlotNo).Distinct().Count());
        Assert.DoesNotContain(live, r => r.PatientId.StartsWith('N'));
        Assert.Equal(waiting.Take(10), live.Where(r => r.PatientId.StartsWith('W')).Select(r => r.PatientId).Order());
        Assert.Equal(booked.Take(10).Select(b => b.SlotNo).Order(), live.Where(r => r.PatientId.StartsWith('W')).Select(r => r.SlotNo).Order());
        var places = await Task.WhenAll(waiting.Select(p => Pool(host.Grains, session).GetWaitlistPlaceAsync(p)));
        Assert.Equal(Enumerable.Repeat(WaitlistStatus.Offered, 10), places.Take(10).Select(p => p.Status));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (int?)i), places.Skip(10).Select(p => p.Position));
        Assert.Equal(await StoredStatusesAsync(session), places.Select(p => (p.PatientId, p.Status.ToString())));
    }

    [ContractFact]
    public async Task AnUnpaidOffer_PassesToTheNextPatientAfterItsHoldExpires_AndEachIsTold()
    {
        var host = await StartClusterAsync();
        var session = TestCatalog.Session(1);
        var booked = await FillAsync(host, session);
        await Pool(host.Grains, session).JoinWaitlistAsync(Join(session, "W-first"));
        await Pool(host.Grains, session).JoinWaitlistAsync(Join(session, "W-second"));
        await Pool(host.Grains, session).CancelAsync(booked[0].Id, booked[0].PatientId, "plans changed");

        Clock.Advance(HoldFor + TimeSpan.FromSeconds(5)); // the pool's expiry check runs every 5 s
        var second = await Eventually.ReturnsAsync(() => Pool(host.Grains, session).GetWaitlistPlaceAsync("W-second"), p => p.Status == WaitlistStatus.Offered);

        Assert.Equal(WaitlistStatus.Offered, second.Status);
        Assert.Equal(WaitlistStatus.Lapsed, (await Pool(host.Grains, session).GetWaitlistPlaceAsync("W-first")).Status);
        var offer = await Pool(host.Grains, session).GetAppointmentAsync(second.Id);
        Assert.Equal((booked[0].SlotNo, AppointmentStatus.Held), (offer.SlotNo, offer.Status));
        Assert.Equal(["W-first waitlist.offered", "W-first waitlist.lapsed", "W-second waitlist.offered"], await NoticesAsync());
    }

    [ContractFact]
    public async Task TheQueue_SurvivesARestart()
    {
        var first = await StartClusterAsync();
        var session = TestCatalog.Session(1);
        var booked = await FillAsync(first, session);
        foreach (var patient in new[] { "W-a", "W-b", "W-c" }) await Pool(first.Grains, session).JoinWaitlistAsync(Join(session, patient));
        await Pool(first.Grains, session).LeaveWaitlistAsync("W-a");
        await StopClusterAsync(first);

        var restarted = await StartClusterAsync();
        var places = await Task.WhenAll(new[] { "W-a", "W-b", "W-c" }.Select(p => Pool(restarted.Grains, session).GetWaitlistPlaceAsync(p)));
        await Pool(restarted.Grains, session).CancelAsync(booked[0].Id, booked[0].PatientId, "plans changed");

        Assert.Equal(new (WaitlistStatus, int?)[] { (WaitlistStatus.Left, null), (WaitlistStatus.Waiting, 1), (WaitlistStatus.Waiting, 2) },
            places.Select(p => (p.Status, p.Position)));
        Assert.Equal(WaitlistStatus.Offered, (await Pool(restarted.Grains, session).GetWaitlistPlaceAsync("W-b")).Status);
        Assert.Equal(1, (await Pool(restarted.Grains, session).GetWaitlistPlaceAsync("W-c")).Position);
    }

    [ContractFact]
    public async Task APatientsCurrentPlaces_LeaveOutPastSessions_AndCountThePlacesAhead()
    {
        var host = await StartClusterAsync();
        var (today, tomorrow) = (TestCatalog.Session(0), TestCatalog.Session(1));
        await FillAsync(host, today);
        await FillAsync(host, tomorrow);
        await Pool(host.Grains, tomorrow).JoinWaitlistAsync(Join(tomorrow, "W-ahead"));
        foreach (var session in new[] { today, tomorrow }) await Pool(host.Grains, session).JoinWaitlistAsync(Join(session, "W-me"));
        var store = new SqlWaitlistStore(Database.ConnectionFactory);

        var fromToday = await store.ListCurrentAsync("W-me", TestCatalog.Today);
        var fromTomorrow = await store.ListCurrentAsync("W-me", TestCatalog.Today.AddDays(1));

        Assert.Equal([(today, 1), (tomorrow, 2)], fromToday.Select(p => (p.SessionId, p.Position ?? 0)));
        Assert.Equal([(tomorrow, 2)], fromTomorrow.Select(p => (p.SessionId, p.Position ?? 0)));
    }

    private static WaitlistJoin Join(string session, string patientId) =>
        new(TestAppointmentIds.Of(session, patientId, "waitlist"), patientId, patientId);

    /// <summary>Books every slot of the session, each for a patient of its own.</summary>
    private static async Task<AppointmentView[]> FillAsync(HospitalTestCluster host, string session) =>
        await Task.WhenAll(Enumerable.Range(1, TestCatalog.Quota).Select(async i =>
        {
            var held = (await Pool(host.Grains, session).HoldSlotAsync(Request(session, $"B{i:D2}"))).Appointment!;
            return await Pool(host.Grains, session).ConfirmPaymentAsync(held.Id, $"pay-{session}-{i}", "account:A-test");
        }));

    private async Task<List<(string PatientId, int SlotNo)>> LiveRowsAsync(string sessionId)
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string, long)>(
            "SELECT patient_id, slot_no FROM appointments WHERE session_id = @sessionId AND slot_lock = 1", new { sessionId });
        return rows.Select(r => (r.Item1, (int)r.Item2)).ToList();
    }

    private async Task<List<(string PatientId, string Status)>> StoredStatusesAsync(string sessionId)
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        return (await connection.QueryAsync<(string, string)>(
            "SELECT patient_id, status FROM waitlist_entries WHERE session_id = @sessionId ORDER BY seq", new { sessionId })).ToList();
    }

    private async Task<List<string>> NoticesAsync()
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string, string)>("SELECT patient_id, kind FROM notifications WHERE kind LIKE 'waitlist.%' ORDER BY id");
        return rows.Select(r => $"{r.Item1} {r.Item2}").ToList();
    }
}

public sealed class SqliteWaitlistContract(SqliteDatabaseFixture fixture) : WaitlistContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[TestSupport.MariaDb.RequiresMariaDb]
public sealed class MariaDbWaitlistContract(MariaDbDatabaseFixture fixture) : WaitlistContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
