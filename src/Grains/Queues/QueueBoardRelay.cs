namespace Hospital.Grains.Queues;

/// <summary>
/// This node's end of the queue feeds (<see cref="IQueueBoardFeed"/>): watches a session's queue for the node's
/// <see cref="QueueBoard"/>, and puts every snapshot the queue grains send on it. One per node.
/// </summary>
public sealed class QueueBoardRelay : IQueueBoardObserver
{
    private readonly QueueBoard _board;
    private readonly IGrainFactory _grains;
    private readonly Lazy<IQueueBoardObserver> _reference;

    public QueueBoardRelay(QueueBoard board, IGrainFactory grains)
    {
        _board = board;
        _grains = grains;
        // Made on first use: the node's runtime must be up before an observer reference can be made.
        _reference = new(() => grains.CreateObjectReference<IQueueBoardObserver>(this));
    }

    /// <summary>Starts or renews this node's watch of a session's queue; the queue wakes if it sleeps and sends its board.</summary>
    public Task WatchAsync(string sessionId) => _grains.GetGrain<IQueueBoardFeed>(sessionId).WatchAsync(_reference.Value);

    public Task ShowAsync(QueueBoardSnapshot snapshot)
    {
        _board.Publish(snapshot);
        return Task.CompletedTask;
    }
}
