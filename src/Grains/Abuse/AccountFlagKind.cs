namespace Hospital.Grains.Abuse;

/// <summary>What detection saw on an account (stored by name in account_flags.kind).</summary>
public enum AccountFlagKind
{
    /// <summary>Many accounts booked from one IP address or device around the same time (a scalper's phone farm or script).</summary>
    SharedSource,

    /// <summary>The account took patients off again and again (adding and removing borrowed identities to dodge the per-patient limits).</summary>
    FamilyChurn,

    /// <summary>The account let holds expire or gave them up again and again (holding slots it never meant to pay for).</summary>
    LapsedHolds,
}
