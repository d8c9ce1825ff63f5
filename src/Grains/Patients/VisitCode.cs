using System.Security.Cryptography;

namespace Hospital.Grains.Patients;

/// <summary>
/// The shape of a visit code (就诊码): 8 characters from the operating system's CSPRNG, from an alphabet without the
/// characters people misread on paper or a phone screen (0/O, 1/I/L), so an elderly patient can read it out.
/// </summary>
public static class VisitCode
{
    public const int Length = 8;
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const string InvalidMessage = "A visit code has 8 characters: digits 2-9 and letters other than I, L and O.";

    public static string Next() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The code as typed, without spaces or hyphens and in capitals; null when it cannot be a visit code.</summary>
    public static string? Normalize(string? typed)
    {
        var code = string.Concat((typed ?? "").Where(c => c is not (' ' or '-'))).ToUpperInvariant();
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }
}
