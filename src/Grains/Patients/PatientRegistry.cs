using System.Globalization;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Privacy;
using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Patients;

/// <summary>
/// Registers patients under their real name (实名): the ID number must pass the GB 11643 check, the phone must be a
/// mainland mobile. One patient per ID number. Who may put a patient on an account is decided by the accounts' admission,
/// which alone faces callers; this class answers for the records.
/// </summary>
public sealed class PatientRegistry(IPatientStore store, IPersonalDataProtector protector, HospitalTime hospitalTime, HospitalClock time)
{
    public const int MaxNameLength = 32;
    public const string IdentityMismatchCode = "patient.identity_mismatch";

    /// <summary>Checks the fields (400 with every field's error) and keeps of the ID number only its fingerprint and mask.</summary>
    public PatientIdentity Identify(string? name, string? idNumber, string? phone)
    {
        var id = Validate(name, idNumber, phone, hospitalTime.DateOf(hospitalTime.Now(time)));
        return new PatientIdentity(name!.Trim(), phone!, protector.Fingerprint(id.Value), PersonalDataMask.IdNumber(id.Value), id.BirthDate, id.Sex);
    }

    /// <summary>The patient registered with the person's ID number, if any.</summary>
    public Task<StoredPatient?> FindAsync(PatientIdentity person, CancellationToken cancellationToken = default) =>
        store.FindByIdNumberAsync(person.IdNumberFingerprint, cancellationToken);

    /// <summary>The patient registered with an ID number (checked by GB 11643: a malformed one is a 400 on idNumber), if any.</summary>
    public Task<StoredPatient?> FindByIdNumberAsync(string? idNumber, CancellationToken cancellationToken = default)
    {
        var id = ChineseIdNumber.Parse(idNumber, hospitalTime.DateOf(hospitalTime.Now(time)));
        return store.FindByIdNumberAsync(protector.Fingerprint(id.Value), cancellationToken);
    }

    /// <summary>Registers the person, or returns the patient already registered with the ID number (whoever that is).</summary>
    public Task<StoredPatient> AddOrGetAsync(PatientIdentity person, CancellationToken cancellationToken = default) =>
        store.AddOrGetAsync(Candidate(person), cancellationToken);

    /// <summary>Whether the stored patient is the person as named: the same real name and the same phone.</summary>
    public bool IsSamePerson(StoredPatient stored, PatientIdentity person) =>
        stored.Name == person.Name && protector.Unprotect(stored.PhoneProtected) == person.Phone;

    /// <summary>
    /// Registers a person, or returns the patient with the same ID number when the name matches (a different name is a conflict).
    /// For staff-side and test set-up; a patient account adds people through the admission, whose answers tell strangers nothing.
    /// </summary>
    public async Task<PatientRegistration> RegisterAsync(string? name, string? idNumber, string? phone, CancellationToken cancellationToken = default)
    {
        var candidate = Candidate(Identify(name, idNumber, phone));
        var stored = await store.AddOrGetAsync(candidate, cancellationToken);
        // Only staff and test set-up reach this answer, so it may name (masked) whom the ID number belongs to.
        if (stored.Name != candidate.Name)
            throw new RuleConflictException(IdentityMismatchCode, "This ID number is registered under another name.")
            {
                Details = new Dictionary<string, object?> { ["nameOnRecord"] = PersonalDataMask.Name(stored.Name) },
            };
        return new PatientRegistration(PatientView.From(stored), Created: stored.Id == candidate.Id);
    }

    private StoredPatient Candidate(PatientIdentity person) => new(
        // Random: an id must not let anyone guess whose it is.
        $"P{Guid.NewGuid():N}"[..16], person.Name, person.IdNumberFingerprint, person.IdNumberMasked, PersonalDataMask.Phone(person.Phone),
        protector.Protect(person.Phone), person.BirthDate, person.Sex, hospitalTime.Now(time));

    private static ChineseIdNumber Validate(string? name, string? idNumber, string? phone, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IsRealName(name))
            errors["name"] = [$"The patient's real name is required (at most {MaxNameLength} characters, letters and the name's own marks only)."];
        if (!ChineseIdNumber.TryParse(idNumber, today, out var id, out var idError))
            errors["idNumber"] = [idError];
        if (!MobilePhoneNumber.IsValid(phone))
            errors["phone"] = ["A mainland mobile number of 11 digits starting with 1 is required."];
        return errors.Count == 0 ? id! : throw new InputValidationException(errors);
    }

    /// <summary>
    /// A name as on an ID card: up to <see cref="MaxNameLength"/> characters with at least one letter, and no control or invisible
    /// formatting characters (a name of zero-width spaces would print as nothing on a ticket and match no one at the window).
    /// </summary>
    private static bool IsRealName(string? name) =>
        name?.Trim() is { Length: > 0 and <= MaxNameLength } trimmed
        && trimmed.Any(char.IsLetter)
        && !trimmed.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format);
}
