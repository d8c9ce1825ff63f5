namespace Hospital.Grains.SlotPools;

/// <summary>What a batch writes to its session row: the version it read and the pool's status and counters after its decisions.</summary>
public sealed record PoolRowState(string SessionId, long Version, SessionStatus Status, int HeldCount, int BookedCount)
{
    public static PoolRowState Of(SlotPool pool) => new(pool.Session.SessionId, pool.Version, pool.Status, pool.HeldCount, pool.BookedCount);
}
