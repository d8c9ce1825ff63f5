namespace Hospital.LoadTests.Browsing;

/// <summary>One element of the bare endpoint's answer: a few properties of the kinds a calendar entry has.</summary>
public sealed record BareItem(string Id, DateOnly Date, int Number, decimal Fee, string Text)
{
    /// <summary>A serialized item is about this long, so that a list of them comes close to a requested size.</summary>
    private const int ApproximateBytes = 93;

    public static IReadOnlyList<BareItem> Filling(int bytes) =>
        Enumerable.Range(1, Math.Max(1, bytes / ApproximateBytes))
            .Select(n => new BareItem($"ITEM-{n:0000}", new DateOnly(2026, 12, 7), n, 50m, new string('x', 24)))
            .ToList();
}
