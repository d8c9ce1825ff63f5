namespace Hospital.Grains.Reconciliation;

/// <summary>
/// The gateway's statement of a day could not be read: not a statement, or its totals line disagrees with its lines. The
/// fault is the gateway's, so nothing is compared or stored; the daily job tries again at its next run.
/// </summary>
public sealed class GatewayStatementException(string gateway, DateOnly day, string reason, Exception inner)
    : Exception($"The {gateway} statement of {day:yyyy-MM-dd} could not be read: {reason}", inner)
{
    public const string Code = "gateway.statement_invalid";
}
