namespace Hospital.Grains.Accounts;

/// <summary>
/// Asks an outside real-name service whether a mainland mobile number is registered to the person with this real name and
/// ID number (a carrier's three-factor check, 运营商三要素核验), or to their legal guardian where the provider checks
/// guardianship. It is what lets an account register a person who is new here by phone: without it the only thing to
/// check a new person against would be our own records, and the answer would tell a stranger who is already a patient.
/// The provider is chosen by configuration (<c>RealName:Verifier</c>).
/// </summary>
public interface IRealNameVerifier
{
    Task<bool> PhoneBelongsToAsync(RealNameClaim claim, CancellationToken cancellationToken = default);
}
