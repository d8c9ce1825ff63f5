using Hospital.Grains.Abstractions.Errors;

namespace Hospital.Grains.Rules;

/// <summary>Outcome of a rule check: allowed, or refused with a stable error code and a reason a person can read.</summary>
public sealed record RuleDecision(bool Allowed, string? Code, string? Reason)
{
    public static RuleDecision Allow { get; } = new(true, null, null);

    public static RuleDecision Deny(string code, string reason) => new(false, code, reason);

    /// <summary>Throws the refusal as a rule conflict (409 with its code); does nothing when allowed.</summary>
    public void Enforce()
    {
        if (!Allowed) throw new RuleConflictException(Code!, Reason!);
    }
}
