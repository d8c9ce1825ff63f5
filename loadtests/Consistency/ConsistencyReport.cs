namespace Hospital.LoadTests.Consistency;

/// <summary>
/// What the database says after a run, over the run's sessions: slots occupied twice, sessions holding more than
/// their quota, acknowledged holds/payments missing or different in the rows, and counters that disagree with the rows.
/// <see cref="CommittedBatches"/> (the sum of the sessions' versions) shows how well the group commit batched the writes;
/// null in results files written before it was counted, as are the payment figures and <see cref="MissingDetails"/>
/// (the first missing acknowledgements, each with what the database holds instead), and <see cref="PaidAtGatewayUnsettled"/>
/// (orders the gateway took money for that are neither booked nor refunded; their first ones are in the details too).
/// </summary>
public sealed record ConsistencyReport(
    int Sessions, int OccupiedRows, int DoubleOccupiedSlots, int OversoldSessions, int Acknowledged, int MissingAcknowledged,
    int CounterMismatches, long? CommittedBatches, int? AcknowledgedPaid = null, int? MissingPaid = null,
    IReadOnlyList<string>? MissingDetails = null, int? PaidAtGatewayUnsettled = null)
{
    /// <summary>Slots sold beyond the quotas plus slots given to two appointments: the figure that must be 0.</summary>
    public int Oversell => DoubleOccupiedSlots + OversoldSessions;

    public bool Passed => Oversell == 0 && MissingAcknowledged == 0 && CounterMismatches == 0 && PaidAtGatewayUnsettled is null or 0;
}
