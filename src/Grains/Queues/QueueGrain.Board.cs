using Hospital.Grains.Abstractions.Privacy;
using Hospital.Grains.Abstractions.Queues;

namespace Hospital.Grains.Queues;

/// <summary>
/// The queue's boards: after every change the grain publishes one snapshot to its node's <see cref="QueueBoard"/>, which
/// hands it to every listener; the grain never learns how many there are. Visit durations are measured here, from start to
/// completion, for patients' expected waits.
/// </summary>
public sealed partial class QueueGrain
{
    // Names do not change during a session: one lookup per patient per activation.
    private readonly Dictionary<string, string> _boardNames = [];

    private async Task PublishAsync()
    {
        var rows = (await Pool.GetVisitRowsAsync()).ToDictionary(r => r.AppointmentId);
        var calling = Line.Calling is { } called ? await LineOfAsync(rows[called.AppointmentId]) : null;
        var next = new List<BoardLine>();
        foreach (var spot in Line.Waiting.Take(QueueBoardSnapshot.NextShown)) next.Add(await LineOfAsync(rows[spot.AppointmentId]));
        board.Publish(new QueueBoardSnapshot(this.GetPrimaryKeyString(), Line.Calling?.AppointmentId, calling, next, [.. Line.Waiting.Select(s => s.AppointmentId)],
            Line.VisitMinutes.Count == 0 ? null : Line.VisitMinutes.Average()));
    }

    private async Task<BoardLine> LineOfAsync(VisitRow row)
    {
        if (!_boardNames.TryGetValue(row.PatientId, out var name))
            _boardNames[row.PatientId] = name = PersonalDataMask.BoardName((await patients.FindAsync(row.PatientId))?.Name);
        return new BoardLine(row.SlotNo, name);
    }

    private void VisitStarted(string appointmentId) => Line.VisitStarts.TryAdd(appointmentId, time.GetUtcNow());

    private bool VisitEnded(string appointmentId)
    {
        if (!Line.VisitStarts.Remove(appointmentId, out var startedAt)) return false;
        Line.VisitMinutes.Add((time.GetUtcNow() - startedAt).TotalMinutes);
        return true;
    }
}
