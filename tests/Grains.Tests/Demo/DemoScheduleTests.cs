using Hospital.Grains.Catalog;
using Hospital.Grains.Demo;

namespace Hospital.Grains.Tests.Demo;

public sealed class DemoScheduleTests
{
    private static readonly HospitalCatalog s_catalog = DemoHospital.Create();
    private static readonly DateOnly s_monday = new(2026, 11, 23);

    [Fact]
    public void EveryDoctor_HasTwoToFiveDistinctWeeklySessions()
    {
        var byDoctor = s_catalog.Templates.ToLookup(t => t.DoctorId);
        foreach (var doctor in s_catalog.Doctors)
        {
            var templates = byDoctor[doctor.Id].ToList();
            Assert.InRange(templates.Count, 2, 5);
            Assert.Equal(templates.Count, templates.Select(t => (t.Weekday, t.Period)).Distinct().Count());
        }
    }

    [Fact]
    public void Templates_HaveRealisticQuotasAndSlices()
    {
        Assert.All(s_catalog.Templates, t => Assert.InRange(t.Quota, 20, 40));
        Assert.All(s_catalog.Templates, t => Assert.InRange(t.SlotMinutes, 10, 30));
    }

    [Fact]
    public void Templates_UseTheDoctorsDepartmentRooms_AndNoRoomIsDoubleBooked()
    {
        var rooms = s_catalog.Rooms.ToDictionary(r => r.Code);
        var doctors = s_catalog.Doctors.ToDictionary(d => d.Id);
        Assert.Equal(s_catalog.Rooms.Count, rooms.Count);
        Assert.All(s_catalog.Templates, t => Assert.Equal(doctors[t.DoctorId].DepartmentId, rooms[t.Room].DepartmentId));
        Assert.Equal(s_catalog.Templates.Count, s_catalog.Templates.Select(t => (t.Room, t.Weekday, t.Period)).Distinct().Count());
    }

    [Fact]
    public void GeneratedWeek_GivesEveryTemplateOneSession_WithUniqueParseableIds()
    {
        var sessions = SessionGenerator.Generate(s_catalog, s_monday, 7);

        Assert.Equal(s_catalog.Templates.Count, sessions.Count);
        Assert.Equal(sessions.Count, sessions.Select(s => s.SessionId).Distinct().Count());
        Assert.All(sessions, s => Assert.Equal((s.DoctorId, s.Date, s.Period), SessionKey.Parse(s.SessionId)));
        Assert.Equal(s_catalog.Doctors.Select(d => d.Id).Order(), sessions.Select(s => s.DoctorId).Distinct().Order());
    }

    [Fact]
    public void GeneratedWeek_SessionsAreConsistent()
    {
        var doctors = s_catalog.Doctors.ToDictionary(d => d.Id);
        var templates = s_catalog.Templates.ToDictionary(t => (t.DoctorId, t.Weekday, t.Period));
        var periods = new SessionPeriodTimes();
        foreach (var session in SessionGenerator.Generate(s_catalog, s_monday, 7))
        {
            var template = templates[(session.DoctorId, session.Date.DayOfWeek, session.Period)];
            var periodEnd = HospitalTime.China.At(session.Date, periods.EndOf(session.Period));
            Assert.Equal(doctors[session.DoctorId].Fee, session.Fee);
            Assert.Equal(s_catalog.ReleasePolicyFor(session.DepartmentId).OpensAt(session.Date), session.OpensAt);
            Assert.Equal(Enumerable.Range(1, session.Quota), session.Slots.Select(s => s.SlotNo));
            Assert.Equal(HospitalTime.China.At(session.Date, periods.StartOf(session.Period)), session.StartsAt);
            Assert.True(session.Slots.Zip(session.Slots.Skip(1)).All(p => p.First.StartsAt <= p.Second.StartsAt), session.SessionId);
            Assert.All(session.Slots, s => Assert.InRange((s.EndsAt - s.StartsAt).TotalMinutes, 1, 30));
            Assert.All(session.Slots, s => Assert.True(s.EndsAt <= periodEnd, session.SessionId));
            Assert.All(session.Slots, s => Assert.Equal(TimeSpan.FromHours(8), s.StartsAt.Offset));
            var counts = template.Shares.CountsFor(session.Quota);
            Assert.All(Enum.GetValues<BookingChannel>(), c => Assert.Equal(counts.For(c), session.Slots.Count(s => s.Channel == c)));
        }
    }
}
