using System.Security.Cryptography;
using System.Text;
using Hospital.Grains.Patients;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Privacy;

/// <summary>
/// AES-256-GCM for values we must read back (phones, for SMS) and HMAC-SHA256 for values we only compare
/// (ID numbers): an ID number has too little entropy for a plain hash, a keyed one cannot be brute-forced offline.
/// </summary>
public sealed class AesGcmPersonalDataProtector(IOptions<PrivacyOptions> options) : IPersonalDataProtector
{
    private const int NonceSize = 12, TagSize = 16;
    private readonly byte[] _key = Convert.FromBase64String(options.Value.DataKey);

    public string Protect(string plaintext)
    {
        var input = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + input.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, input, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return Convert.ToBase64String(output);
    }

    public string Unprotect(string protectedText)
    {
        var input = Convert.FromBase64String(protectedText);
        var output = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), output);
        return Encoding.UTF8.GetString(output);
    }

    public string Fingerprint(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value)));
}
