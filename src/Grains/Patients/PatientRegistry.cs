using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Privacy;
using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Patients;

/// <summary>
/// Registers patients under their real name (实名): the ID number must pass the GB 11643 check, the phone must be a
/// mainland mobile. Registering the same ID number again returns the existing patient when the name matches.
/// </summary>
public sealed class PatientRegistry(IPatientStore store, IPersonalDataProtector protector, HospitalTime hospitalTime, HospitalClock time)
{
    public const int MaxNameLength = 32;

    public async Task<PatientRegistration> RegisterAsync(string? name, string? idNumber, string? phone, CancellationToken cancellationToken = default)
    {
        var now = hospitalTime.Now(time);
        var id = Validate(name, idNumber, phone, hospitalTime.DateOf(now));
        var candidate = new StoredPatient(
            $"P{Guid.NewGuid():N}"[..16], name!.Trim(), protector.Fingerprint(id.Value), PersonalDataMask.IdNumber(id.Value),
            PersonalDataMask.Phone(phone), protector.Protect(phone!), id.BirthDate, id.Sex, now);
        var stored = await store.AddOrGetAsync(candidate, cancellationToken);
        if (stored.Name != candidate.Name)
            throw new RuleConflictException("patient.identity_mismatch", "This ID number is registered under another name.");
        return new PatientRegistration(PatientView.From(stored), Created: stored.Id == candidate.Id);
    }

    private static ChineseIdNumber Validate(string? name, string? idNumber, string? phone, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
            errors["name"] = [$"The patient's real name is required (at most {MaxNameLength} characters)."];
        if (!ChineseIdNumber.TryParse(idNumber, today, out var id, out var idError))
            errors["idNumber"] = [idError];
        if (!MobilePhoneNumber.IsValid(phone))
            errors["phone"] = ["A mainland mobile number of 11 digits starting with 1 is required."];
        return errors.Count == 0 ? id! : throw new InputValidationException(errors);
    }
}
