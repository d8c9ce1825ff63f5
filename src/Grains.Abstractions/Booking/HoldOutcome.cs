namespace Hospital.Grains.Abstractions.Booking;

/// <summary>The expected outcomes of a hold request.</summary>
[GenerateSerializer, Alias("Hospital.HoldOutcome")]
public enum HoldOutcome
{
    Held,
    SoldOut,
    NotReleased,
    SlotTaken,
}
