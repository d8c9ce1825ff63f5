namespace Hospital.Grains.Accounts;

/// <summary>An account's wrong visit codes on one hospital calendar day. Grain state, stored as JSON by property name.</summary>
public sealed record VisitCodeTriesState
{
    public DateOnly Day { get; init; }

    public int Wrong { get; init; }
}
