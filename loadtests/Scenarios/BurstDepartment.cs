using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// Creates, through the admin API, a department whose sessions of the next day open at <c>opensAt</c> (window 1 day,
/// daily release at that wall-clock time), with enough doctors (three periods each) for the wanted session count.
/// The burst's department opens at T0, which exercises the real release gate: before T0 every hold is answered "not
/// released". The rehearsal's (<see cref="CreateOpenAsync"/>) opened at midnight, so it can be booked at once.
/// </summary>
public sealed record BurstDepartment(int DepartmentId, DateTimeOffset OpensAt, IReadOnlyList<string> SessionIds)
{
    private static readonly string[] Periods = ["Morning", "Afternoon", "Evening"];

    /// <summary>The burst's department: sessions that open at T0; its id (1000 + T0's minute of the day) is new in every run.</summary>
    public static Task<BurstDepartment> CreateAsync(HospitalClient client, HttpClient http, int sessions, int quota, DateTimeOffset opensAt, CancellationToken cancellationToken) =>
        CreateAsync(client, http, 1000 + MinuteOfDay(opensAt), sessions, quota, opensAt, SessionState.NotReleased, cancellationToken);

    /// <summary>
    /// The rehearsal's department: sessions that opened at today's midnight; its id is 3000 + the minute of the day it is
    /// set up in, so it is new in every run too (a run lasts longer than a minute).
    /// </summary>
    public static Task<BurstDepartment> CreateOpenAsync(HospitalClient client, HttpClient http, int sessions, int quota, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var local = HospitalTime.China.ToLocal(now);
        var midnight = new DateTimeOffset(local.Date, local.Offset);
        return CreateAsync(client, http, 3000 + MinuteOfDay(now), sessions, quota, midnight, SessionState.Available, cancellationToken);
    }

    private static async Task<BurstDepartment> CreateAsync(HospitalClient client, HttpClient http, int departmentId, int sessions, int quota,
        DateTimeOffset opensAt, SessionState state, CancellationToken cancellationToken)
    {
        var local = HospitalTime.China.ToLocal(opensAt);
        var visitDate = DateOnly.FromDateTime(local.DateTime).AddDays(1);
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
        var ids = SessionsIn(day, opensAt, state);
        if (state == SessionState.NotReleased && DateTimeOffset.UtcNow >= opensAt)
            throw new InvalidOperationException($"Set-up of the department ended after T0 ({opensAt:O}); raise --lead.");
        if (ids.Count < sessions)
            throw new InvalidOperationException($"Expected {sessions} {state} sessions opening at {opensAt:O}, the calendar of {visitDate:yyyy-MM-dd} shows {ids.Count}: {day}");
        return new BurstDepartment(departmentId, opensAt, [.. ids.Take(sessions)]);
    }

    private static int MinuteOfDay(DateTimeOffset instant) => (int)HospitalTime.China.ToLocal(instant).TimeOfDay.TotalMinutes;

    private static List<string> SessionsIn(JsonElement day, DateTimeOffset opensAt, SessionState state) =>
    [
        .. day.GetProperty("sessions").EnumerateArray()
            .Where(s => s.GetProperty("opensAt").GetDateTimeOffset() == opensAt && s.GetProperty("state").GetString() == state.ToString())
            .Select(s => s.GetProperty("sessionId").GetString()!),
    ];
}
