namespace Hospital.Grains.Tests.Catalog;

/// <summary>A TimeProvider stopped at one instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
