using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Patients;
using Hospital.Grains.Rules;
using Microsoft.Extensions.Options;

namespace Hospital.Grains.Accounts;

/// <summary>
/// The one place that decides whether an account may put a person on its list (就诊人), so that knowing someone's name and ID
/// number, which strangers often do, is not enough. Every refusal is the same <see cref="ProofInvalid"/>, whether the person is
/// a patient here or not, the name was wrong or the code: no answer tells a stranger that an ID number is registered, nor a
/// patient's id. The proof is checked before the person's record is compared, so a refusal costs the same tries either way.
/// A proven phone admits a known patient only when it is the phone on their record, and a person new here only when the
/// real-name service says it is theirs: a stranger naming someone with the stranger's own phone is refused either way.
/// Without a real-name service (<c>RealName:Verifier</c> unset) nobody new is admitted by phone: the window registers them.
/// </summary>
public sealed class FamilyMemberAdmission(
    PatientRegistry registry, IPatientAccountStore accounts, VisitCodes visitCodes, IPersonalDataProtector protector, IGrainFactory grains,
    IOptions<BookingRulesOptions> rules, IRealNameVerifier? realName = null)
{
    public const string ProofInvalidCode = "patient.proof_invalid";
    public const string ProofInvalidMessage =
        "We could not confirm that you may act for this person. Add them with your own login phone as their phone, with the code " +
        "texted to their phone (POST /api/patients/sms-codes), or with their visit code; the name must be their real name.";

    /// <summary>Checks the claim's fields (400 with every field's error), then whether the account may act for the person.</summary>
    public async Task<Admission> AdmitAsync(string accountId, RealNameClaim claim, FamilyMemberProof proof, CancellationToken cancellationToken = default)
    {
        var person = registry.Identify(claim.Name, claim.IdNumber, claim.Phone);
        var known = await registry.FindAsync(person, cancellationToken);
        if (proof.VisitCode is { } visitCode)
        {
            // Only a known patient under their real name has a code to match; anyone else's try is simply wrong, and counts.
            var patientId = known is not null && known.Name == person.Name ? known.Id : null;
            var expected = patientId is null ? null : await visitCodes.CurrentHashAsync(patientId, cancellationToken);
            var check = await grains.GetGrain<IVisitCodeTriesGrain>(accountId).CheckAsync(expected, visitCodes.Hash(patientId ?? "", visitCode));
            return check.Verdict switch
            {
                VisitCodeVerdict.Accepted => new Admission(known, TimeSpan.Zero),
                VisitCodeVerdict.TooManyTries => new Admission(null, check.RetryAfter),
                _ => throw ProofInvalid(),
            };
        }

        // The phone is proven (the login phone, or a code texted to it); it must then be the phone of the person's record.
        if (!await HoldsPhoneAsync(accountId, person.Phone, proof.SmsCode, cancellationToken)
            || !(known is null ? await PhoneBelongsToAsync(person, claim, cancellationToken) : registry.IsSamePerson(known, person)))
            throw ProofInvalid();
        // A refused add writes nothing: a new person is registered only while the account has room for them.
        if (known is null)
            BookingLimits.CheckPatientCount((await grains.GetGrain<IAccountGrain>(accountId).GetPatientsAsync()).Count, rules.Value).Enforce();
        var patient = known ?? await registry.AddOrGetAsync(person, cancellationToken);
        // Registered by someone else between the look-up and the insert: then it is a known person like any other.
        return known is not null || registry.IsSamePerson(patient, person) ? new Admission(patient, TimeSpan.Zero) : throw ProofInvalid();
    }

    public static RuleConflictException ProofInvalid() => new(ProofInvalidCode, ProofInvalidMessage);

    /// <summary>Asks the real-name service about the person as checked: the name trimmed, the ID number as GB 11643 writes it.</summary>
    private async Task<bool> PhoneBelongsToAsync(PatientIdentity person, RealNameClaim claim, CancellationToken cancellationToken) =>
        realName is not null
        && await realName.PhoneBelongsToAsync(new RealNameClaim(person.Name, claim.IdNumber.Trim().ToUpperInvariant(), person.Phone), cancellationToken);

    private async Task<bool> HoldsPhoneAsync(string accountId, string phone, string? smsCode, CancellationToken cancellationToken)
    {
        var fingerprint = protector.Fingerprint(phone);
        if (smsCode is null) return (await accounts.FindAsync(accountId, cancellationToken))?.PhoneFingerprint == fingerprint;
        var check = await grains.GetGrain<IPhoneLoginGrain>(PhoneLoginKey.ForAddingPatient(accountId, fingerprint)).VerifyCodeAsync(smsCode);
        return check.Verdict == SmsCodeVerdict.Accepted;
    }
}
