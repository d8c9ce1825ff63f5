using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Hospital.Grains.Abstractions.Errors;

namespace Hospital.Grains.Rules;

/// <summary>
/// A valid 18-character resident ID number (GB 11643-1999): 6-digit region code, 8-digit birth date (yyyyMMdd),
/// 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character (0–9 or X for 10).
/// </summary>
public sealed record ChineseIdNumber(string Value, DateOnly BirthDate, Sex Sex)
{
    public const int Length = 18;

    private static readonly int[] s_weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static readonly DateOnly s_earliestBirthDate = new(1900, 1, 1);

    /// <summary>
    /// Checks <paramref name="input"/> (surrounding spaces ignored, lowercase x accepted) against the standard;
    /// <paramref name="today"/> is the hospital-local date, since a birth date cannot lie in the future.
    /// </summary>
    public static bool TryParse(string? input, DateOnly today, [NotNullWhen(true)] out ChineseIdNumber? id, [NotNullWhen(false)] out string? error)
    {
        id = null;
        var value = input?.Trim().ToUpperInvariant() ?? "";
        error = FormatError(value);
        if (error is not null) return false;
        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            error = "The ID number's birth date (characters 7–14) is not a real date.";
            return false;
        }

        if (birthDate > today || birthDate < s_earliestBirthDate)
        {
            error = "The ID number's birth date is in the future or before 1900.";
            return false;
        }

        if (CheckCharacter(value.AsSpan(0, 17)) != value[17])
        {
            error = "The ID number's check character (last character) does not match; please check for a typing error.";
            return false;
        }

        id = new ChineseIdNumber(value, birthDate, (value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female);
        return true;
    }

    /// <summary>Like <see cref="TryParse"/>, but throws <see cref="InputValidationException"/> naming <paramref name="field"/>.</summary>
    public static ChineseIdNumber Parse(string? input, DateOnly today, string field = "idNumber") =>
        TryParse(input, today, out var id, out var error) ? id : throw InputValidationException.For(field, error);

    /// <summary>The ISO 7064 MOD 11-2 check character of the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17Digits)
    {
        if (first17Digits.Length != 17) throw new ArgumentException("The check character covers exactly 17 digits.", nameof(first17Digits));
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17Digits[i] - '0') * s_weights[i];
        var check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    private static string? FormatError(string value)
    {
        if (value.Length != Length) return $"An ID number has {Length} characters.";
        if (value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9')) return "The first 17 characters of an ID number are digits.";
        if (!char.IsAsciiDigit(value[17]) && value[17] != 'X') return "The last character of an ID number is a digit or X.";
        return value[0] == '0' ? "An ID number's region code cannot start with 0." : null;
    }
}
