namespace Hospital.Grains.Catalog;

/// <summary>
/// The clock our own code runs on: the hospital's rules (holds, releases, refund tiers), planning, availability pacing
/// and the storage circuit's breaks. A type of its own so that tests can move it by hours while Orleans' runtime, which
/// takes <see cref="TimeProvider"/> from the same container for its timeouts, membership and timers, stays on real time.
/// </summary>
public sealed class HospitalClock(TimeProvider inner) : TimeProvider
{
    /// <summary>Real time, for production.</summary>
    public static HospitalClock RealTime { get; } = new(System);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
