using Orleans.Concurrency;

namespace Hospital.Grains.Queues;

/// <summary>
/// A queue grain's boards for the other nodes of the cluster. A queue grain lives on one node, but its screens and patients'
/// phones listen on any: each node with listeners of a session watches that session's queue once (not once per listener),
/// and the grain sends each node every snapshot, one message per node whatever the number of listeners there.
/// </summary>
[Alias("Hospital.IQueueBoardFeed")]
public interface IQueueBoardFeed : IGrainWithStringKey
{
    /// <summary>
    /// Sends <paramref name="node"/> the current snapshot now and every later one for <see cref="QueueGrain.WatchLifetime"/>;
    /// a node renews its watch while it has listeners (it lapses with the node, or with the grain's activation).
    /// </summary>
    [Alias("Watch")]
    Task WatchAsync(IQueueBoardObserver node);
}

/// <summary>A node's receiver of the queue snapshots it watches (<see cref="QueueBoardRelay"/>).</summary>
[Alias("Hospital.IQueueBoardObserver")]
public interface IQueueBoardObserver : IGrainObserver
{
    [Alias("Show"), OneWay]
    Task ShowAsync(QueueBoardSnapshot snapshot);
}
