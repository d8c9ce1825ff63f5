using Hospital.Grains.Abuse;

namespace Hospital.Api.Apis.Contracts;

/// <summary>A flag detection raised on an account: what it saw, the evidence (personal data masked) and when.</summary>
public sealed record AccountFlagResponse(long Id, string AccountId, AccountFlagKind Kind, string Evidence, DateTimeOffset RaisedAt)
{
    public static AccountFlagResponse From(AccountFlag flag) => new(flag.Id, flag.AccountId, flag.Kind, flag.Evidence, flag.RaisedAt);
}
