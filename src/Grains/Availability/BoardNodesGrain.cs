namespace Hospital.Grains.Availability;

/// <summary>
/// Keeps the places of the nodes that show availability in memory: they are renewed every
/// <see cref="AvailabilityRelay.Renewal"/>, so a new activation knows them all again within one renewal. Liveness is
/// measured in real time, like Orleans' own timers, not on the hospital's clock that tests move.
/// </summary>
public sealed class BoardNodesGrain : Grain, IBoardNodesGrain
{
    public static readonly TimeSpan PlaceLifetime = TimeSpan.FromSeconds(90);

    private readonly Dictionary<string, (BoardNode Node, DateTimeOffset Until)> _places = [];

    public async Task<IReadOnlyList<BoardNode>> JoinAsync(BoardNode node)
    {
        var now = TimeProvider.System.GetUtcNow();
        var isNew = !_places.TryGetValue(node.Silo, out var known) || known.Node != node;
        _places[node.Silo] = (node, now + PlaceLifetime);
        foreach (var lapsed in _places.Where(p => p.Value.Until <= now).Select(p => p.Key).ToList()) _places.Remove(lapsed);
        IReadOnlyList<BoardNode> nodes = [.. _places.Values.Select(p => p.Node)];
        if (isNew)
            foreach (var other in nodes.Where(n => n != node)) await other.Receiver.NodesChangedAsync(nodes); // one-way
        return nodes;
    }
}
