using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.SlotPools;
using Orleans.Runtime;

namespace Hospital.Grains.Availability;

/// <summary>
/// What the pools of this node publish to: this node's <see cref="AvailabilityBoard"/>, and one one-way message to every
/// other node that shows availability (<see cref="IBoardNodesGrain"/>), whose relay shows it on its own board. So a
/// calendar or a live stream on any node follows every pool of the cluster, not only the pools its own node hosts.
/// </summary>
public sealed class AvailabilityRelay : IAvailabilityPublisher, IAvailabilityObserver
{
    /// <summary>How often a node renews its place and learns the others (well within <see cref="BoardNodesGrain.PlaceLifetime"/>).</summary>
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(30);

    private readonly AvailabilityBoard _board;
    private readonly IGrainFactory _grains;
    private readonly Lazy<BoardNode> _self;
    private IAvailabilityObserver[] _others = [];

    public AvailabilityRelay(AvailabilityBoard board, IGrainFactory grains, ILocalSiloDetails silo)
    {
        _board = board;
        _grains = grains;
        // Made on first use: the node's runtime must be up before an observer reference can be made.
        _self = new(() => new BoardNode(silo.SiloAddress.ToParsableString(), grains.CreateObjectReference<IAvailabilityObserver>(this)));
    }

    public void Publish(SessionAvailability availability)
    {
        _board.Publish(availability);
        foreach (var other in Volatile.Read(ref _others)) _ = other.ShowAsync(availability); // one-way: completes at once
    }

    public Task ShowAsync(SessionAvailability availability)
    {
        _board.Publish(availability);
        return Task.CompletedTask;
    }

    public Task NodesChangedAsync(IReadOnlyList<BoardNode> nodes)
    {
        TakeOthers(nodes);
        return Task.CompletedTask;
    }

    /// <summary>Renews this node's place and takes the other nodes' receivers as they are now.</summary>
    public async Task JoinAsync() => TakeOthers(await _grains.GetGrain<IBoardNodesGrain>(0).JoinAsync(_self.Value));

    private void TakeOthers(IReadOnlyList<BoardNode> nodes) =>
        Volatile.Write(ref _others, [.. nodes.Where(n => n.Silo != _self.Value.Silo).Select(n => n.Receiver)]);
}
