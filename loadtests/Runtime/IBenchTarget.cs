namespace Hospital.LoadTests.Runtime;

/// <summary>Something that can count calls per key: a grain, or one of the baselines.</summary>
internal interface IBenchTarget : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Counts one call on <paramref name="key"/> (0 .. keys-1) and returns that key's new count.</summary>
    Task<int> CallAsync(int key);
}
