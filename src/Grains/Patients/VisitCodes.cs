using System.Security.Cryptography;
using System.Text;
using Hospital.Grains.Catalog;

namespace Hospital.Grains.Patients;

/// <summary>
/// Issues, shows, rotates and checks patients' visit codes. A patient gets a code the first time it is asked for: codes are
/// made and protected with the hospital's key, so the migration that added the table could not make them for earlier patients.
/// </summary>
public sealed class VisitCodes(IVisitCodeStore store, IPersonalDataProtector protector, HospitalClock clock)
{
    /// <summary>The patient's code, issued now when it has none (two first asks at once agree on one code).</summary>
    public async Task<(string Code, DateTimeOffset IssuedAt)> ShowAsync(string patientId, CancellationToken cancellationToken = default)
    {
        var stored = await store.FindAsync(patientId, cancellationToken) ?? await store.AddOrGetAsync(Issue(patientId, VisitCode.Next()), cancellationToken);
        return (protector.Unprotect(stored.CodeProtected), stored.IssuedAt);
    }

    /// <summary>Gives the patient a new code; the old one stops working at once.</summary>
    public async Task<(string Code, DateTimeOffset IssuedAt)> RotateAsync(string patientId, CancellationToken cancellationToken = default)
    {
        var code = VisitCode.Next();
        var issued = Issue(patientId, code);
        await store.ReplaceAsync(issued, cancellationToken);
        return (code, issued.IssuedAt);
    }

    /// <summary>The hash the patient's current code is stored as; null when the patient has no code yet.</summary>
    public async Task<string?> CurrentHashAsync(string patientId, CancellationToken cancellationToken = default) =>
        (await store.FindAsync(patientId, cancellationToken))?.CodeHash;

    /// <summary>The keyed hash of <paramref name="code"/> as the patient's code; salted with the patient, so equal codes of two patients differ.</summary>
    public string Hash(string patientId, string code) => protector.Fingerprint($"visit-code:{patientId}:{code}");

    /// <summary>Whether <paramref name="code"/> is the patient's code stored as <paramref name="storedHash"/> (compared in constant time); false when the patient has none.</summary>
    public bool Matches(string? storedHash, string patientId, string code) =>
        storedHash is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(patientId, code.Trim())));

    private StoredVisitCode Issue(string patientId, string code) => new(patientId, Hash(patientId, code), protector.Protect(code), clock.GetUtcNow());
}
