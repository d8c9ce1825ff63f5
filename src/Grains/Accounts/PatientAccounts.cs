using System.Security.Cryptography;
using Hospital.Grains.Abstractions.Privacy;
using Hospital.Grains.Catalog;
using Hospital.Grains.Patients;

namespace Hospital.Grains.Accounts;

/// <summary>Finds the account of a phone whose code was just accepted, creating it on the phone's first login.</summary>
public sealed class PatientAccounts(IPatientAccountStore store, IPersonalDataProtector protector, HospitalClock clock)
{
    /// <summary>The phone's keyed fingerprint: the one value phones are looked up and keyed by.</summary>
    public string Fingerprint(string phone) => protector.Fingerprint(phone);

    public Task<PatientAccount> SignInAsync(string phone, CancellationToken cancellationToken = default) =>
        store.AddOrGetAsync(new PatientAccount(
            // Random, not derived from the phone: an id must not let anyone guess whose it is.
            "A" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), Fingerprint(phone), PersonalDataMask.Phone(phone), protector.Protect(phone),
            clock.GetUtcNow()), cancellationToken);
}
