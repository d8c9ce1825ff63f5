using Hospital.Grains.Availability;
using Hospital.Grains.Queues;
using Microsoft.Extensions.Logging;

namespace Hospital.Silo.Hosting;

/// <summary>
/// Keeps this node's boards fed by the grains of the whole cluster: renews the node's place among the nodes that show
/// availability (and learns the others), and its watch of every queue it has listeners for, well within their lifetimes,
/// so a grain that moved to another node, or woke again after being collected, goes on reaching them. Real time, like
/// Orleans' own timers.
/// </summary>
public sealed class ClusterBoardsRenewal(AvailabilityRelay availability, QueueBoard queues, QueueBoardRelay queueRelay, ILogger<ClusterBoardsRenewal> logger)
    : PeriodicSweep(TimeProvider.System, AvailabilityRelay.Renewal, logger)
{
    protected override Task SweepOnceAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(queues.ListenedSessions().Select(queueRelay.WatchAsync).Append(availability.JoinAsync()));
}
