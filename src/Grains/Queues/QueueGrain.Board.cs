using Hospital.Grains.Abstractions.Privacy;
using Hospital.Grains.Abstractions.Queues;

namespace Hospital.Grains.Queues;

/// <summary>
/// The queue's boards: after every change the grain publishes one snapshot to its node's <see cref="QueueBoard"/>, and sends
/// it once to every other node that watches the queue (<see cref="IQueueBoardFeed"/>); each node hands it to its listeners,
/// so the grain never learns how many there are. Visit durations are measured here, from start to completion, for
/// patients' expected waits.
/// </summary>
public sealed partial class QueueGrain
{
    /// <summary>
    /// How long a node's watch lasts unless renewed (nodes renew theirs every 30 s). Real time, like Orleans' own timers:
    /// node liveness has nothing to do with the hospital's clock, which tests move by hours.
    /// </summary>
    public static readonly TimeSpan WatchLifetime = TimeSpan.FromSeconds(90);

    // Names do not change during a session: one lookup per patient per activation.
    private readonly Dictionary<string, string> _boardNames = [];

    // The nodes watching this queue and until when; in memory, since nodes renew their watches.
    private readonly Dictionary<IQueueBoardObserver, DateTimeOffset> _watchers = [];
    private QueueBoardSnapshot? _latest;

    public async Task WatchAsync(IQueueBoardObserver node)
    {
        _watchers[node] = TimeProvider.System.GetUtcNow() + WatchLifetime;
        await node.ShowAsync(_latest ?? await SnapshotAsync());
    }

    /// <summary>Saves a change of the queue and shows it, under the next sequence number.</summary>
    private async Task SaveAndPublishAsync()
    {
        Line.Published++;
        await state.WriteStateAsync();
        await PublishAsync();
    }

    private async Task PublishAsync()
    {
        var snapshot = _latest = await SnapshotAsync();
        board.Publish(snapshot);
        var now = TimeProvider.System.GetUtcNow();
        foreach (var (node, until) in _watchers.ToList())
        {
            if (until <= now) _watchers.Remove(node);
            else await node.ShowAsync(snapshot); // one-way: returns at once, whether the node is there or not
        }
    }

    private async Task<QueueBoardSnapshot> SnapshotAsync()
    {
        var rows = (await Pool.GetVisitRowsAsync()).ToDictionary(r => r.AppointmentId);
        var calling = Line.Calling is { } called ? await LineOfAsync(rows[called.AppointmentId]) : null;
        var next = new List<BoardLine>();
        foreach (var spot in Line.Waiting.Take(QueueBoardSnapshot.NextShown)) next.Add(await LineOfAsync(rows[spot.AppointmentId]));
        return new QueueBoardSnapshot(this.GetPrimaryKeyString(), Line.Calling?.AppointmentId, calling, next, [.. Line.Waiting.Select(s => s.AppointmentId)],
            Line.VisitMinutes.Count == 0 ? null : Line.VisitMinutes.Average(), Line.Published);
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
