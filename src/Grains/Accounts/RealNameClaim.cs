using Hospital.Grains.Abstractions.Privacy;

namespace Hospital.Grains.Accounts;

/// <summary>
/// A person as a request names them, with the ID number in full: only an outside real-name check (<see cref="IRealNameVerifier"/>)
/// needs it, and it is never stored or logged (the text form is masked).
/// </summary>
public sealed record RealNameClaim(string Name, string IdNumber, string Phone)
{
    public override string ToString() =>
        $"{PersonalDataMask.Name(Name)} {PersonalDataMask.IdNumber(IdNumber)} {PersonalDataMask.Phone(Phone)}";
}
