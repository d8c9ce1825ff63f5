using Hospital.Grains.Abstractions.Booking;
using Orleans.Concurrency;

namespace Hospital.Grains.Availability;

/// <summary>
/// The nodes of the cluster that show availability (key 0, one in the cluster): each node joins, and renews its place
/// while it runs, so every node knows whom to send its pools' availability to. Places lapse after
/// <see cref="BoardNodesGrain.PlaceLifetime"/>; a node that stopped drops out, and if this grain's own node stops, the
/// next renewals fill it again on another.
/// </summary>
[Alias("Hospital.IBoardNodesGrain")]
public interface IBoardNodesGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Joins or renews <paramref name="node"/>'s place; answers every node with a place now, itself included. A node new
    /// here is announced to the others at once (<see cref="IAvailabilityObserver.NodesChangedAsync"/>), not at their next renewal.
    /// </summary>
    [Alias("Join")]
    Task<IReadOnlyList<BoardNode>> JoinAsync(BoardNode node);
}

/// <summary>A node's receiver of the availability of pools that live on other nodes (<see cref="AvailabilityRelay"/>).</summary>
[Alias("Hospital.IAvailabilityObserver")]
public interface IAvailabilityObserver : IGrainObserver
{
    [Alias("Show"), OneWay]
    Task ShowAsync(SessionAvailability availability);

    /// <summary>The nodes with a place now, this one included.</summary>
    [Alias("NodesChanged"), OneWay]
    Task NodesChangedAsync(IReadOnlyList<BoardNode> nodes);
}

/// <summary>One node that shows availability: its silo's address (to tell itself from the others) and its receiver.</summary>
[GenerateSerializer, Immutable, Alias("Hospital.BoardNode")]
public sealed record BoardNode([property: Id(0)] string Silo, [property: Id(1)] IAvailabilityObserver Receiver);
