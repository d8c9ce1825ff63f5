using Hospital.Grains.Catalog;
using Hospital.Grains.SlotPools;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>Builds pools in memory for the decision and group-commit tests (no runtime, no database).</summary>
internal static class PoolFactory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 30, 0, TimeSpan.FromHours(8));

    /// <summary>A session tomorrow at 08:00, open since yesterday, with slot numbers 1..quota and the given channels (default all App).</summary>
    public static SlotPool Create(int quota = 5, params BookingChannel[] channels)
    {
        var start = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(8));
        var slots = Enumerable.Range(1, quota).Select(n => new SlotDefinition(n, start.AddMinutes(10 * (n - 1)), start.AddMinutes(10 * n),
            channels.Length >= n ? channels[n - 1] : BookingChannel.App)).ToList();
        var session = new SessionDefinition(SessionKey.Build(1, DateOnly.FromDateTime(start.DateTime), SessionPeriod.Morning), 1, 1,
            DateOnly.FromDateTime(start.DateTime), SessionPeriod.Morning, "2A-01", 50m, quota, Now.AddDays(-1), slots);
        return new SlotPool(session, SessionStatus.Open, version: 0, []);
    }

    public static HoldRequest Hold(string patientId, int? slotNo = null, BookingChannel channel = BookingChannel.App) =>
        new($"{patientId}-appointment", patientId, channel, slotNo, patientId);
}
