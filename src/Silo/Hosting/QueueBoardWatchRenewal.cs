using Hospital.Grains.Catalog;
using Hospital.Grains.Queues;
using Microsoft.Extensions.Logging;

namespace Hospital.Silo.Hosting;

/// <summary>
/// Renews this node's watch of every queue it has listeners for (<see cref="IQueueBoardFeed"/>), well within the watch's
/// lifetime: so a queue grain that moved to another node, or woke again after being collected, goes on reaching them.
/// </summary>
public sealed class QueueBoardWatchRenewal(QueueBoard board, QueueBoardRelay relay, HospitalClock time, ILogger<QueueBoardWatchRenewal> logger)
    : PeriodicSweep(time, QueueGrain.WatchRenewal, logger)
{
    protected override Task SweepOnceAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(board.ListenedSessions().Select(relay.WatchAsync));
}
