using Hospital.Grains.Catalog;

namespace Hospital.Grains.Tests.Catalog;

/// <summary>A retired doctor and an ended template make no sessions from their date on, and planned ones from then on are withdrawn.</summary>
public sealed class RetirementPlanningTests
{
    private static readonly DateOnly s_monday = new(2026, 11, 23);
    private static readonly Doctor s_doctor = new(42, 3, "王伟", DoctorTitle.ChiefPhysician, ["高血压"], 50m, "介绍", 4.8);

    private static HospitalCatalog Catalog(Doctor doctor, params ScheduleTemplate[] templates) =>
        new([new Department(3, "心内科", "2层", "")], [doctor], [new Room("2A-01", 3, "2层")], templates, new Dictionary<int, ReleasePolicy>());

    private static ScheduleTemplate Daily(DayOfWeek day) => new(42, day, SessionPeriod.Morning, "2A-01", 10, 15, ChannelShares.Standard);

    private static ScheduleTemplate[] EveryDay => [.. Enum.GetValues<DayOfWeek>().Select(Daily)];

    [Fact]
    public void Generate_ForARetiredDoctor_StopsOnTheRetirementDate()
    {
        var catalog = Catalog(s_doctor with { RetiredFrom = s_monday.AddDays(3) }, EveryDay);

        var sessions = SessionGenerator.Generate(catalog, s_monday, 7);

        Assert.Equal([s_monday, s_monday.AddDays(1), s_monday.AddDays(2)], sessions.Select(s => s.Date));
    }

    [Fact]
    public void Generate_ForAnEndedTemplate_LeavesOutOnlyItsWeekdayFromTheEnd()
    {
        var catalog = Catalog(s_doctor, [.. EveryDay.Select(t => t.Weekday == DayOfWeek.Wednesday ? t with { EndsFrom = s_monday.AddDays(9) } : t)]);

        var sessions = SessionGenerator.Generate(catalog, s_monday, 14);

        Assert.Equal(13, sessions.Count);
        Assert.Contains(sessions, s => s.Date == s_monday.AddDays(2));
        Assert.DoesNotContain(sessions, s => s.Date == s_monday.AddDays(9));
    }

    [Fact]
    public void Withdraws_ThePlannedSessionsOnOrAfterTheRetirementOrTemplateEnd_AndNoOthers()
    {
        var planned = SessionGenerator.Generate(Catalog(s_doctor, EveryDay), s_monday, 7);
        var retired = Catalog(s_doctor with { RetiredFrom = s_monday.AddDays(5) }, EveryDay);
        var ended = Catalog(s_doctor, [.. EveryDay.Select(t => t.Weekday == DayOfWeek.Tuesday ? t with { EndsFrom = s_monday } : t)]);

        Assert.Equal([s_monday.AddDays(5), s_monday.AddDays(6)], planned.Where(retired.Withdraws).Select(s => s.Date));
        Assert.Equal([s_monday.AddDays(1)], planned.Where(ended.Withdraws).Select(s => s.Date));
        Assert.DoesNotContain(planned, Catalog(s_doctor, EveryDay).Withdraws);
    }
}
