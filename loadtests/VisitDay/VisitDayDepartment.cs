using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;
using Hospital.LoadTests.Scenarios;

namespace Hospital.LoadTests.VisitDay;

/// <summary>
/// Creates, through the admin API, a department with one doctor per session whose sessions run TODAY in the period that
/// is on now, so check-in is open: slots last one minute (the shortest a template allows) and the quota fills the whole
/// period, so each hold gets the next minute after now and every booked slot is within the hour check-in opens before
/// it. Sessions of today opened at yesterday's release (window 1 day), the supported way to book the same day. It also
/// creates the staff the morning needs, as an admin does: a window clerk of the department and a doctor account per doctor.
/// </summary>
public sealed record VisitDayDepartment(int DepartmentId, IReadOnlyList<string> SessionIds, DateTimeOffset FirstSlotAt, string ClerkToken,
    IReadOnlyDictionary<string, string> DoctorTokens)
{
    /// <summary>When a slot starts: slot 1 at the period's start, one minute each.</summary>
    public DateTimeOffset SlotStart(int slotNo) => FirstSlotAt.AddMinutes(slotNo - 1);

    /// <summary>The period times the API plans with: the defaults, which it does not configure.</summary>
    private static readonly SessionPeriodTimes Periods = new();

    /// <summary>Check-in opens this long before a slot (CheckInWindow); the period must have begun no earlier than that, with a margin.</summary>
    private static readonly TimeSpan CheckInLead = TimeSpan.FromMinutes(55);

    public static async Task<VisitDayDepartment> CreateAsync(HospitalClient admin, HttpClient http, int sessions, int patientsPerSession,
        CancellationToken cancellationToken)
    {
        var now = HospitalTime.China.ToLocal(DateTimeOffset.UtcNow);
        var today = DateOnly.FromDateTime(now.DateTime);
        var period = OpenPeriod(now, patientsPerSession);
        var departmentId = 5000 + (int)now.TimeOfDay.TotalMinutes; // new in every run, apart from the bursts' 1000+ and 3000+
        await admin.PutAdminAsync($"/api/admin/departments/{departmentId}", new
        {
            name = $"Visit day {departmentId}", location = "Load test wing", description = "Visit-day load test",
            windowDays = 1, releaseTime = "00:00", weeklyReleaseDay = (string?)null,
        }, cancellationToken);
        var doctorIds = Enumerable.Range(1, sessions).Select(n => departmentId * 100 + n).ToList();
        foreach (var doctorId in doctorIds)
        {
            var room = $"VD{doctorId}";
            await admin.PutAdminAsync($"/api/admin/rooms/{room}", new { departmentId, location = $"Visit day room {doctorId % 100}" }, cancellationToken);
            await admin.PutAdminAsync($"/api/admin/doctors/{doctorId}", new
            {
                departmentId, name = $"Visit Doctor {doctorId % 100}", title = "AttendingPhysician", specialties = Array.Empty<string>(),
                fee = 50m, introduction = "", rating = 4.5,
            }, cancellationToken);
            await admin.PutAdminAsync($"/api/admin/doctors/{doctorId}/templates/{today.DayOfWeek}/{period}",
                new { room, quota = Periods.MinutesOf(period), slotMinutes = 1, phoneWindowShare = 0m, doctorAddOnShare = 0m }, cancellationToken);
        }

        var day = await http.GetFromJsonAsync<JsonElement>($"/api/departments/{departmentId}/calendar?date={today:yyyy-MM-dd}", cancellationToken);
        var byDoctor = day.GetProperty("sessions").EnumerateArray()
            .Where(s => s.GetProperty("state").GetString() is "Available" or "FewLeft")
            .ToDictionary(s => s.GetProperty("doctorId").GetInt32(), s => s.GetProperty("sessionId").GetString()!);
        if (byDoctor.Count < sessions)
            throw new InvalidOperationException($"Expected {sessions} open sessions today in the {period} period, the calendar shows {byDoctor.Count}: {day}");

        var clerk = await StaffAccounts.CreateAsync(admin, http, $"vd{departmentId}-clerk", HospitalRoles.WindowClerk, departmentId, doctorId: null, cancellationToken);
        var doctors = new Dictionary<string, string>();
        foreach (var doctorId in doctorIds)
            doctors[byDoctor[doctorId]] = await StaffAccounts.CreateAsync(admin, http, $"vd{doctorId}", HospitalRoles.Doctor, departmentId, doctorId, cancellationToken);
        return new VisitDayDepartment(departmentId, [.. doctorIds.Select(d => byDoctor[d])], HospitalTime.China.At(today, Periods.StartOf(period)), clerk, doctors);
    }

    /// <summary>
    /// The period of today whose slots after now are within check-in's lead and leave room for the patients' minutes;
    /// outside every period (at night) there is none, and the run cannot have a visit day.
    /// </summary>
    private static SessionPeriod OpenPeriod(DateTimeOffset now, int patientsPerSession)
    {
        var time = TimeOnly.FromTimeSpan(now.TimeOfDay);
        foreach (var period in Enum.GetValues<SessionPeriod>())
        {
            var start = Periods.StartOf(period).ToTimeSpan();
            var end = Periods.EndOf(period).ToTimeSpan();
            if (time.ToTimeSpan() >= start - CheckInLead && time.ToTimeSpan() + TimeSpan.FromMinutes(patientsPerSession + 5) < end) return period;
        }

        throw new InvalidOperationException($"It is {time:HH:mm} in the hospital: no period of today ({Periods.MorningStart:HH:mm}–{Periods.MorningEnd:HH:mm}, " +
            $"{Periods.AfternoonStart:HH:mm}–{Periods.AfternoonEnd:HH:mm}, {Periods.EveningStart:HH:mm}–{Periods.EveningEnd:HH:mm}) has check-in open for " +
            $"{patientsPerSession} one-minute slots; run the visit day during the hospital's opening hours.");
    }
}
