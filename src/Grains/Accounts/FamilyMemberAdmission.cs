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
/// </summary>
public sealed class FamilyMemberAdmission(
    PatientRegistry registry, IPatientAccountStore accounts, VisitCodes visitCodes, IPersonalDataProtector protector, IGrainFactory grains,
    IOptions<BookingRulesOptions> rules)
{
    public const string ProofInvalidCode = "patient.proof_invalid";
    public const string ProofInvalidMessage =
        "We could not confirm that you may act for this person. Add them with your own login phone as their phone, with the code " +
        "texted to their phone (POST /api/patients/sms-codes), or with their visit code; the name must be their real name.";

    public async Task<Admission> AdmitAsync(string accountId, PatientIdentity person, FamilyMemberProof proof, CancellationToken cancellationToken = default)
    {
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
            || (known is not null && !registry.IsSamePerson(known, person)))
            throw ProofInvalid();
        // A refused add writes nothing: a new person is registered only while the account has room for them.
        if (known is null)
            BookingLimits.CheckPatientCount((await grains.GetGrain<IAccountGrain>(accountId).GetPatientsAsync()).Count, rules.Value).Enforce();
        var patient = known ?? await registry.AddOrGetAsync(person, cancellationToken);
        // Registered by someone else between the look-up and the insert: then it is a known person like any other.
        return known is not null || registry.IsSamePerson(patient, person) ? new Admission(patient, TimeSpan.Zero) : throw ProofInvalid();
    }

    public static RuleConflictException ProofInvalid() => new(ProofInvalidCode, ProofInvalidMessage);

    private async Task<bool> HoldsPhoneAsync(string accountId, string phone, string? smsCode, CancellationToken cancellationToken)
    {
        var fingerprint = protector.Fingerprint(phone);
        if (smsCode is null) return (await accounts.FindAsync(accountId, cancellationToken))?.PhoneFingerprint == fingerprint;
        var check = await grains.GetGrain<IPhoneLoginGrain>(PhoneLoginKey.ForAddingPatient(accountId, fingerprint)).VerifyCodeAsync(smsCode);
        return check.Verdict == SmsCodeVerdict.Accepted;
    }
}
