using Hospital.Api.Apis.Contracts;

namespace Hospital.Api.Apis;

/// <summary>A validated page of a list (<see cref="PageQuery"/>): <paramref name="Offset"/> items skipped, <paramref name="Size"/> shown.</summary>
public readonly record struct PageWindow(int Offset, int Size)
{
    /// <summary>Items to read: one more than the page, which tells whether another page follows.</summary>
    public int Limit => Size + 1;

    /// <summary>The page out of at most <see cref="Limit"/> items read from <see cref="Offset"/> on.</summary>
    public Page<T> Of<T>(IReadOnlyList<T> read) =>
        new([.. read.Take(Size)], read.Count > Size ? PageQuery.Encode(Offset + Size) : null);

    /// <summary>The page of a whole list held in memory.</summary>
    public Page<T> Slice<T>(IEnumerable<T> all) => Of<T>([.. all.Skip(Offset).Take(Limit)]);
}
