using Hospital.Grains.Catalog;
using Hospital.Grains.Patients;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Rules;

public sealed class BookingSuspensionsTests
{
    private static readonly HospitalTime Time = HospitalTime.China;

    [Fact]
    public void Current_AfterEachNoShowOfAYear_ClimbsTheLadderOf30_60_90Days()
    {
        var record = new List<PatientAppointment>();
        var suspensions = new List<(DateOnly, int)>();
        foreach (var day in new[] { new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 1), new DateOnly(2026, 10, 1) })
        {
            record.Add(NoShow(day));
            var current = Current(record, day.AddDays(1))!;
            suspensions.Add((current.Until, current.Count));
        }

        Assert.Equal([(new DateOnly(2026, 2, 9), 1), (new DateOnly(2026, 4, 30), 2), (new DateOnly(2026, 8, 30), 3), (new DateOnly(2026, 12, 30), 4)], suspensions);
    }

    [Fact]
    public void Current_OnTheDayTheSuspensionEnds_IsNone()
    {
        Assert.Null(Current([NoShow(new DateOnly(2026, 1, 10))], new DateOnly(2026, 2, 9)));
    }

    [Fact]
    public void Current_InANewYear_StartsTheLadderAgain()
    {
        var record = new List<PatientAppointment> { NoShow(new DateOnly(2026, 5, 1)), NoShow(new DateOnly(2026, 9, 1)), NoShow(new DateOnly(2027, 3, 1)) };

        Assert.Equal(new Suspension(SuspensionCause.NoShows, new DateOnly(2027, 3, 31), 1), Current(record, new DateOnly(2027, 3, 2)));
    }

    [Fact]
    public void Current_AfterALift_ForgivesEarlierNoShowsButTheNextClimbsTheLadder()
    {
        var first = NoShow(new DateOnly(2026, 1, 10));
        var lifted = At(new DateOnly(2026, 1, 12));

        var afterLift = Current([first], new DateOnly(2026, 1, 12), lifted);
        var afterSecond = Current([first, NoShow(new DateOnly(2026, 3, 1))], new DateOnly(2026, 3, 2), lifted);

        Assert.Null(afterLift);
        Assert.Equal(new Suspension(SuspensionCause.NoShows, new DateOnly(2026, 4, 30), 2), afterSecond);
    }

    [Fact]
    public void Current_AfterThreeCancellationsThisMonth_SuspendsUntilNextMonth_AndALiftRestartsTheCount()
    {
        var three = Enumerable.Range(1, 3).Select(d => Cancelled(new DateOnly(2026, 11, d))).ToList();
        var lifted = At(new DateOnly(2026, 11, 5));

        var suspended = Current(three, new DateOnly(2026, 11, 4));
        var afterLift = Current([.. three, Cancelled(new DateOnly(2026, 11, 6)), Cancelled(new DateOnly(2026, 11, 7))], new DateOnly(2026, 11, 8), lifted);

        Assert.Equal(new Suspension(SuspensionCause.Cancellations, new DateOnly(2026, 12, 1), 3), suspended);
        Assert.Null(afterLift);
    }

    [Fact]
    public void Current_WithBothCauses_IsTheOneThatEndsLater()
    {
        var record = new List<PatientAppointment> { NoShow(new DateOnly(2026, 11, 2)) };
        record.AddRange(Enumerable.Range(3, 3).Select(d => Cancelled(new DateOnly(2026, 11, d))));

        Assert.Equal(new Suspension(SuspensionCause.NoShows, new DateOnly(2026, 12, 2), 1), Current(record, new DateOnly(2026, 11, 6)));
    }

    private static Suspension? Current(IReadOnlyCollection<PatientAppointment> record, DateOnly today, DateTimeOffset? liftedAt = null) =>
        BookingSuspensions.Current(record, Time.DateOf, today, liftedAt, new CancellationRulesOptions(), new NoShowRulesOptions());

    private static DateTimeOffset At(DateOnly day, int hour = 12) => Time.At(day, new TimeOnly(hour, 0));

    // The sweep marks a no-show after its session ends, in the evening of the visit day.
    private static PatientAppointment NoShow(DateOnly visit) => Appointment(visit, AppointmentStatus.NoShow, At(visit, 20));

    private static PatientAppointment Cancelled(DateOnly on) => Appointment(on.AddDays(5), AppointmentStatus.Cancelled, At(on));

    private static PatientAppointment Appointment(DateOnly visit, AppointmentStatus status, DateTimeOffset updatedAt) =>
        new($"A-{Guid.NewGuid():N}", "S", 1, visit, status, updatedAt.AddDays(-3), null, updatedAt, null, null);
}
