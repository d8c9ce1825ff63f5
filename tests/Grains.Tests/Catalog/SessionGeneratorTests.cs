using Hospital.Grains.Catalog;

namespace Hospital.Grains.Tests.Catalog;

public sealed class SessionGeneratorTests
{
    private static readonly DateOnly s_monday = new(2026, 11, 23);
    private static readonly TimeSpan s_plus8 = TimeSpan.FromHours(8);
    private static readonly Doctor s_doctor = new(42, 3, "王伟", DoctorTitle.ChiefPhysician, ["高血压"], 50m, "介绍", 4.8);

    private static ScheduleTemplate Template(SessionPeriod period = SessionPeriod.Morning, int quota = 10, int slotMinutes = 15, DayOfWeek day = DayOfWeek.Monday) =>
        new(42, day, period, "2A-01", quota, slotMinutes, ChannelShares.Standard);

    private static SessionDefinition Create(ScheduleTemplate template, SessionGeneratorOptions? options = null) =>
        SessionGenerator.Create(template, s_doctor, ReleasePolicy.RollingSevenDays, s_monday, options);

    [Fact]
    public void Create_CopiesTheSessionFactsFromTemplateDoctorAndPolicy()
    {
        var session = Create(Template());

        Assert.Equal("D0042-20261123-AM", session.SessionId);
        Assert.Equal((42, 3, s_monday, SessionPeriod.Morning, "2A-01", 50m, 10), (session.DoctorId, session.DepartmentId, session.Date, session.Period, session.Room, session.Fee, session.Quota));
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 7, 0, 0, s_plus8), session.OpensAt);
    }

    [Theory]
    [InlineData(SessionPeriod.Morning, 8, 0)]
    [InlineData(SessionPeriod.Afternoon, 13, 30)]
    [InlineData(SessionPeriod.Evening, 18, 0)]
    public void Create_NumbersSlotsFromOneInTimeSlicesFromThePeriodStart(SessionPeriod period, int hour, int minute)
    {
        var session = Create(Template(period));

        var start = new DateTimeOffset(2026, 11, 23, hour, minute, 0, s_plus8);
        Assert.Equal(Enumerable.Range(1, 10), session.Slots.Select(s => s.SlotNo));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => start.AddMinutes(15 * i)), session.Slots.Select(s => s.StartsAt));
        Assert.All(session.Slots, s => Assert.Equal(TimeSpan.FromMinutes(15), s.EndsAt - s.StartsAt));
        Assert.Equal(start, session.StartsAt);
    }

    [Fact]
    public void Create_WhenTheQuotaDoesNotFitOneNumberPerSlice_SharesSlicesAndEndsWithinThePeriod()
    {
        var session = Create(Template(quota: 30, slotMinutes: 30));

        Assert.Equal(4, session.Slots.Count(s => s.StartsAt == session.StartsAt));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 12, 0, 0, s_plus8), session.Slots[^1].EndsAt);
    }

    [Fact]
    public void Create_AnyQuotaAndSliceLength_StaysWithinThePeriod()
    {
        var periodEnd = new DateTimeOffset(2026, 11, 23, 21, 0, 0, s_plus8);
        for (var quota = 1; quota <= 80; quota++)
        {
            for (var minutes = 1; minutes <= 30; minutes++)
            {
                var slots = Create(Template(SessionPeriod.Evening, quota, minutes)).Slots;
                Assert.True(slots[^1].EndsAt <= periodEnd, $"quota {quota}, {minutes} min ends {slots[^1].EndsAt}");
                Assert.True(slots.Zip(slots.Skip(1)).All(p => p.First.StartsAt <= p.Second.StartsAt));
            }
        }
    }

    [Fact]
    public void Create_AssignsChannelsByTheShares()
    {
        var session = Create(Template(quota: 30, slotMinutes: 10));

        Assert.Equal(ChannelAssignment.Assign(new ChannelCounts(21, 6, 3)), session.Slots.Select(s => s.Channel));
    }

    [Fact]
    public void Create_UsesTheConfiguredPeriodTimes()
    {
        var options = new SessionGeneratorOptions { Periods = new SessionPeriodTimes { MorningStart = new TimeOnly(7, 30) } };

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 30, 0, s_plus8), Create(Template(), options).StartsAt);
    }

    [Fact]
    public void Create_RejectsADateOnAnotherWeekday() =>
        Assert.Throws<ArgumentException>(() => Create(Template(day: DayOfWeek.Tuesday)));

    [Fact]
    public void Create_RejectsAnotherDoctorsTemplate() =>
        Assert.Throws<ArgumentException>(() => SessionGenerator.Create(Template() with { DoctorId = 7 }, s_doctor, ReleasePolicy.RollingSevenDays, s_monday));

    [Fact]
    public void Create_RejectsASliceLongerThanThePeriod()
    {
        var options = new SessionGeneratorOptions { Periods = new SessionPeriodTimes { MorningEnd = new TimeOnly(8, 10) } };

        Assert.Throws<ArgumentException>(() => Create(Template(), options));
    }

    [Fact]
    public void Generate_MakesOneSessionPerTemplateDayInTheWindow_Ordered()
    {
        var catalog = new HospitalCatalog(
            [new Department(3, "心血管内科", "门诊楼2层A区", "心脏")], [s_doctor], [new Room("2A-01", 3, "门诊楼2层A区1诊室")],
            [Template(SessionPeriod.Afternoon), Template(day: DayOfWeek.Wednesday), Template()],
            new Dictionary<int, ReleasePolicy> { [3] = new(14, new TimeOnly(8, 0), null) });

        var sessions = SessionGenerator.Generate(catalog, s_monday, 14);

        Assert.Equal(
            ["D0042-20261123-AM", "D0042-20261123-PM", "D0042-20261125-AM", "D0042-20261130-AM", "D0042-20261130-PM", "D0042-20261202-AM"],
            sessions.Select(s => s.SessionId));
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 8, 0, 0, s_plus8), sessions[0].OpensAt);
    }

    [Fact]
    public void Generate_RejectsTemplatesOfUnknownDoctors()
    {
        var catalog = new HospitalCatalog([], [], [], [Template()], new Dictionary<int, ReleasePolicy>());

        Assert.Throws<InvalidOperationException>(() => SessionGenerator.Generate(catalog, s_monday, 1));
    }

    [Fact]
    public void FindSlot_ReturnsTheNumberedSlotOrNull()
    {
        var session = Create(Template());

        Assert.Equal(4, session.FindSlot(4)?.SlotNo);
        Assert.Null(session.FindSlot(0));
        Assert.Null(session.FindSlot(11));
    }

    [Fact]
    public void ReleasePolicyFor_UnlistedDepartment_IsRollingSevenDays() =>
        Assert.Same(ReleasePolicy.RollingSevenDays, new HospitalCatalog([], [], [], [], new Dictionary<int, ReleasePolicy>()).ReleasePolicyFor(9));
}
