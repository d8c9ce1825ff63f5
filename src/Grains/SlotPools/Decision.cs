namespace Hospital.Grains.SlotPools;

/// <summary>A pool's answer to one command and the rows that must be committed before the answer is given.</summary>
public readonly record struct Decision<T>(T Result, PoolChanges? Changes)
{
    public static Decision<T> Unchanged(T result) => new(result, null);
}
