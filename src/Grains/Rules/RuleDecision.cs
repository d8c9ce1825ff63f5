namespace Hospital.Grains.Rules;

/// <summary>Outcome of a rule check: allowed, or refused with a stable error code and a reason a person can read.</summary>
public sealed record RuleDecision(bool Allowed, string? Code, string? Reason)
{
    public static RuleDecision Allow { get; } = new(true, null, null);

    public static RuleDecision Deny(string code, string reason) => new(false, code, reason);
}
