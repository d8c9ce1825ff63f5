using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.SlotPools;

/// <summary>Receives a pool's availability after each commit; must return at once (it is called on the pool's turn).</summary>
public interface IAvailabilityPublisher
{
    void Publish(SessionAvailability availability);
}
