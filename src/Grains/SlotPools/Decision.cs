namespace Hospital.Grains.SlotPools;

/// <summary>
/// A pool's answer to one command and the rows that must be committed before the answer is given. An answer without rows
/// waits for the batches in flight, as it may rest on their decisions, unless <see cref="TrueOfCommitted"/> says the
/// committed pool gives it too: then it rests on nothing in flight and is given at once.
/// </summary>
public readonly record struct Decision<T>(T Result, PoolChanges? Changes)
{
    public static Decision<T> Unchanged(T result) => new(result, null);

    /// <summary>True for an answer without rows that the committed pool gives as well.</summary>
    public bool RestsOnCommitted { get; private init; }

    /// <summary>This answer without rows, marked as one the committed pool gives too.</summary>
    public Decision<T> TrueOfCommitted() => Changes is null
        ? this with { RestsOnCommitted = true }
        : throw new InvalidOperationException("A decision with rows rests on its own commit.");
}
