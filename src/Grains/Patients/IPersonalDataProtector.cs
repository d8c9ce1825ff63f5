namespace Hospital.Grains.Patients;

/// <summary>Protects personal data at rest with the hospital's secret key.</summary>
public interface IPersonalDataProtector
{
    /// <summary>Encrypts a value so that only this hospital's nodes can read it back.</summary>
    string Protect(string plaintext);

    string Unprotect(string protectedText);

    /// <summary>A keyed, deterministic fingerprint: equal inputs match, but the input cannot be guessed from it offline.</summary>
    string Fingerprint(string value);
}
