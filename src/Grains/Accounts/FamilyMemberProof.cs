namespace Hospital.Grains.Accounts;

/// <summary>
/// What shows that an account may act for a person: nothing more when the person's phone is the account's login phone, else
/// a code texted to the person's phone at the account's request, or the person's visit code. At most one of the two is given.
/// </summary>
public sealed record FamilyMemberProof(string? SmsCode, string? VisitCode);
