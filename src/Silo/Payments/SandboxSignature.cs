using System.Security.Cryptography;
using System.Text;

namespace Hospital.Silo.Payments;

/// <summary>The sandbox gateway's callback signature: HMAC-SHA256 over timestamp, nonce and body, one per line, in base64.</summary>
public static class SandboxSignature
{
    public const string TimestampHeader = "X-Sandbox-Timestamp";
    public const string NonceHeader = "X-Sandbox-Nonce";
    public const string SignatureHeader = "X-Sandbox-Signature";

    public static string Sign(string secret, string timestamp, string nonce, string body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{body}\n")));

    /// <summary>Compares in constant time, so the answer's timing tells nothing about how much of a forged signature was right.</summary>
    public static bool IsValid(string secret, string timestamp, string nonce, string body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, nonce, body)), Encoding.ASCII.GetBytes(signature));
}
