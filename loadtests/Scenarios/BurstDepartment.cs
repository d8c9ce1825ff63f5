using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Grains.Catalog;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// Creates, through the admin API, a department whose sessions of tomorrow open at <c>opensAt</c> (window 1 day,
/// daily release at that wall-clock time), with enough doctors (three periods each) for the wanted session count.
/// This exercises the real release gate: before T0 every hold is answered "not released".
/// </summary>
public sealed record BurstDepartment(int DepartmentId, DateTimeOffset OpensAt, IReadOnlyList<string> SessionIds)
{
    private static readonly string[] Periods = ["Morning", "Afternoon", "Evening"];

    public static async Task<BurstDepartment> CreateAsync(HospitalClient client, HttpClient http, int sessions, int quota, DateTimeOffset opensAt, CancellationToken cancellationToken)
    {
        var local = HospitalTime.China.ToLocal(opensAt);
        var visitDate = DateOnly.FromDateTime(local.DateTime).AddDays(1);
        var departmentId = 1000 + (int)local.TimeOfDay.TotalMinutes;
        await client.PutAdminAsync($"/api/admin/departments/{departmentId}", new
        {
            name = $"Load test {departmentId}", location = "Load test wing", description = "Release-burst load test",
            windowDays = 1, releaseTime = TimeOnly.FromTimeSpan(local.TimeOfDay).ToString("HH:mm"), weeklyReleaseDay = (string?)null,
        }, cancellationToken);
        for (var doctor = 1; doctor <= (sessions + Periods.Length - 1) / Periods.Length; doctor++)
        {
            var doctorId = departmentId * 100 + doctor;
            var room = $"LT{doctorId}";
            await client.PutAdminAsync($"/api/admin/rooms/{room}", new { departmentId, location = $"Load test room {doctor}" }, cancellationToken);
            await client.PutAdminAsync($"/api/admin/doctors/{doctorId}", new
            {
                departmentId, name = $"Load Doctor {doctor}", title = "AttendingPhysician", specialties = Array.Empty<string>(),
                fee = 50m, introduction = "", rating = 4.5,
            }, cancellationToken);
            foreach (var period in Periods)
            {
                await client.PutAdminAsync($"/api/admin/doctors/{doctorId}/templates/{visitDate.DayOfWeek}/{period}",
                    new { room, quota, slotMinutes = 5, phoneWindowShare = 0m, doctorAddOnShare = 0m }, cancellationToken);
            }
        }

        var day = await http.GetFromJsonAsync<JsonElement>($"/api/departments/{departmentId}/calendar?date={visitDate:yyyy-MM-dd}", cancellationToken);
        var ids = GatedSessions(day, opensAt);
        if (DateTimeOffset.UtcNow >= opensAt) throw new InvalidOperationException($"Set-up of the department ended after T0 ({opensAt:O}); raise --lead.");
        if (ids.Count < sessions)
            throw new InvalidOperationException($"Expected {sessions} sessions opening at {opensAt:O}, the calendar of {visitDate:yyyy-MM-dd} shows {ids.Count}: {day}");
        return new BurstDepartment(departmentId, opensAt, [.. ids.Take(sessions)]);
    }

    private static List<string> GatedSessions(JsonElement day, DateTimeOffset opensAt) =>
    [
        .. day.GetProperty("sessions").EnumerateArray()
            .Where(s => s.GetProperty("opensAt").GetDateTimeOffset() == opensAt && s.GetProperty("state").GetString() == "NotReleased")
            .Select(s => s.GetProperty("sessionId").GetString()!),
    ];
}
