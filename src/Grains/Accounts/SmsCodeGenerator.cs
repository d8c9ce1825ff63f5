using System.Globalization;
using System.Security.Cryptography;

namespace Hospital.Grains.Accounts;

/// <summary>Six-digit login codes from the operating system's CSPRNG, uniformly distributed (no modulo bias).</summary>
public static class SmsCodeGenerator
{
    public const int Length = 6;

    public static string Next() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="code"/> has the shape of a code: exactly six ASCII digits.</summary>
    public static bool IsWellFormed(string? code) => code is { Length: Length } && code.All(char.IsAsciiDigit);
}
