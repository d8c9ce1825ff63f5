using System.Collections.Concurrent;
using System.Text.Json;
using Hospital.LoadTests.Consistency;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// One patient's visit to the system on a normal day: browse, book an open session, pay (9 in 10), then now and then
/// cancel (1 in 10) or reschedule to another open session of the same doctor (1 in 10). A patient who has made the
/// day's allowed bookings only browses, as the app tells them, instead of being refused again and again. Keeps the
/// acknowledged appointments current for the consistency check.
/// </summary>
internal sealed class PatientVisit(HospitalClient client, Random random, ConcurrentDictionary<string, AcknowledgedHold> held,
    ConcurrentDictionary<string, bool> sessions, ConcurrentDictionary<string, int> bookedToday)
{
    /// <summary>New bookings a patient may make in a day: the hospital's default rule (Rules:Booking).</summary>
    private const int NewBookingsPerDay = 3;

    /// <summary>One visit; false when the run's cap or deadline stopped it.</summary>
    public async Task<bool> RunAsync(LoadPatient patient, int[] doctors, CancellationToken cancellationToken)
    {
        if (random.Next(5) == 0 && await client.GetAsync("browse", "/api/departments", null, cancellationToken) is null) return false;
        var calendar = await client.GetAsync("calendar", $"/api/doctors/{doctors[random.Next(doctors.Length)]}/calendar?days=7", null, cancellationToken);
        if (calendar is null) return false;
        var open = OpenSessions(calendar.Body);
        if (open.Count == 0 || bookedToday.GetValueOrDefault(patient.Id) >= NewBookingsPerDay) return true;
        var sessionId = open[random.Next(open.Count)];
        sessions[sessionId] = true;
        var hold = await WellBehavedBooking.BookAsync(client, patient, sessionId, pay: random.Next(10) < 9, cancellationToken);
        if (hold is null) return !cancellationToken.IsCancellationRequested;
        held[hold.AppointmentId] = hold;
        bookedToday.AddOrUpdate(patient.Id, 1, (_, booked) => booked + 1);
        return random.Next(10) switch
        {
            0 => await CancelAsync(patient, hold, cancellationToken),
            1 when hold.Paid && open.Count > 1 => await RescheduleAsync(patient, hold, open.First(s => s != sessionId), cancellationToken),
            _ => true,
        };
    }

    private async Task<bool> CancelAsync(LoadPatient patient, AcknowledgedHold hold, CancellationToken cancellationToken)
    {
        var answer = await client.PostAsync("cancel", $"/api/appointments/{hold.AppointmentId}/cancel", null, null, patient.AccessToken, cancellationToken);
        if (answer is { Status: 200 }) held.TryRemove(hold.AppointmentId, out _);
        return answer is not null;
    }

    private async Task<bool> RescheduleAsync(LoadPatient patient, AcknowledgedHold hold, string targetSession, CancellationToken cancellationToken)
    {
        sessions[targetSession] = true;
        var answer = await client.PostAsync("reschedule", $"/api/appointments/{hold.AppointmentId}/reschedule", new { sessionId = targetSession },
            Guid.NewGuid().ToString("N"), patient.AccessToken, cancellationToken);
        if (answer is { Status: 200 } && answer.String("id") is { } id && int.TryParse(answer.String("slotNo"), out var slotNo))
        {
            held.TryRemove(hold.AppointmentId, out _);
            held[id] = new AcknowledgedHold(id, targetSession, slotNo, Paid: answer.String("status") == "Booked");
        }

        return answer is not null;
    }

    private static List<string> OpenSessions(JsonElement days) =>
        days.ValueKind != JsonValueKind.Array ? [] : [.. days.EnumerateArray().SelectMany(d => d.GetProperty("sessions").EnumerateArray())
            .Where(s => s.GetProperty("state").GetString() is "Available" or "FewLeft").Select(s => s.GetProperty("sessionId").GetString()!)];
}
