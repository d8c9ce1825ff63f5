using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Availability;
using Hospital.Grains.Tests.SlotPools;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Grains.Tests.Patients;

/// <summary>
/// The patient's grain answers "sold out" from the node's availability board, without asking the pool, only for a new request
/// for the next app slot of a session that still takes bookings. Each test shows the board a session with no free app slot
/// while its pool still has them all, as when another node's commit filled it, so an answer that went to the pool is seen.
/// </summary>
public abstract class PatientSoldOutBoardContract(TestDatabaseFixture fixture) : SlotPoolContractBase(fixture)
{
    [ContractFact]
    public async Task Book_WhenTheBoardShowsNoFreeAppSlot_IsSoldOutAndHoldsNothing()
    {
        var (host, patient) = await StartWithPatientAsync();
        var session = TestCatalog.Session(1);
        await ShowSoldOutAsync(host, session);

        var answer = await host.Grains.GetGrain<IPatientGrain>(patient).BookAsync(NewRequest(session, "tap-1"));

        Assert.Equal(HoldOutcome.SoldOut, answer.Outcome);
        Assert.Empty(await RowsAsync(session));
    }

    [ContractFact]
    public async Task Book_AgainWithTheKeyOfAnEarlierHold_AnswersThatHoldWhateverTheBoardShows()
    {
        var (host, patient) = await StartWithPatientAsync();
        var session = TestCatalog.Session(1);
        var grain = host.Grains.GetGrain<IPatientGrain>(patient);
        var first = await grain.BookAsync(NewRequest(session, "tap-1"));
        await ShowSoldOutAsync(host, session);

        var retried = await grain.BookAsync(NewRequest(session, "tap-1"));

        Assert.Equal((HoldOutcome.Held, first.Appointment!.Id), (retried.Outcome, retried.Appointment?.Id));
    }

    [ContractFact]
    public async Task Book_AChosenSlot_IsThePoolsToAnswerWhateverTheBoardShows()
    {
        var (host, patient) = await StartWithPatientAsync();
        var session = TestCatalog.Session(1);
        await ShowSoldOutAsync(host, session);

        var answer = await host.Grains.GetGrain<IPatientGrain>(patient).BookAsync(NewRequest(session, "tap-1") with { SlotNo = 5 });

        Assert.Equal((HoldOutcome.Held, 5), (answer.Outcome, answer.Appointment?.SlotNo));
    }

    [ContractFact]
    public async Task Book_ASessionWhoseLastSlotHasStarted_IsClosedNotSoldOut()
    {
        var (host, patient) = await StartWithPatientAsync();
        var session = TestCatalog.Session(0);
        await ShowSoldOutAsync(host, session);
        Clock.Advance(TimeSpan.FromHours(6)); // 12:30: every slot of today's morning session has started

        var refused = await Assert.ThrowsAsync<RuleConflictException>(() => host.Grains.GetGrain<IPatientGrain>(patient).BookAsync(NewRequest(session, "tap-1")));

        Assert.Equal("session.closed", refused.Code);
    }

    private static BookingRequest NewRequest(string session, string key) => new(session, TestCatalog.DepartmentId, null, BookingChannel.App, key);

    /// <summary>Puts on the node's board a newer availability of the session with no free app slot, as a commit elsewhere would.</summary>
    private static async Task ShowSoldOutAsync(HospitalTestCluster host, string session)
    {
        var latest = await Pool(host.Grains, session).GetAvailabilityAsync();
        host.Services.GetRequiredService<AvailabilityBoard>().Publish(latest with { Available = 0, State = SessionState.Full, Version = latest.Version + 1 });
    }
}

public sealed class SqlitePatientSoldOutBoardContract(SqliteDatabaseFixture fixture) : PatientSoldOutBoardContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[TestSupport.MariaDb.RequiresMariaDb]
public sealed class MariaDbPatientSoldOutBoardContract(MariaDbDatabaseFixture fixture) : PatientSoldOutBoardContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
