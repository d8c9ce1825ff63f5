using System.Globalization;

namespace Hospital.Grains.Rules;

/// <summary>
/// The checks of stored fields, in one place: ids, texts within their column's size, numbers within sane bounds.
/// Records run them in their initialisers, so a bad value can neither be saved nor loaded into a catalog. Lengths
/// count UTF-16 characters, never fewer than the database counts, so a text that passes always fits its column.
/// </summary>
public static class FieldCheck
{
    /// <summary>Ids are positive: keys such as the session id (D0042-…) are built from nothing else.</summary>
    public static int Id(int value, string field) =>
        value >= 1 ? value : throw new InvalidFieldException(field, $"Must be a positive id (1 to {int.MaxValue}); got {value}.");

    /// <summary>One line (a name, a location, a code): not blank, at most <paramref name="maxLength"/> characters, no control characters.</summary>
    public static string Line(string? value, int maxLength, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new InvalidFieldException(field, $"Required: 1 to {maxLength} characters.");
        return Text(value, maxLength, field, allowLineBreaks: false);
    }

    /// <summary>Free text (a description, a reason): may be empty, at most <paramref name="maxLength"/> characters; line breaks and tabs are its only control characters.</summary>
    public static string Text(string value, int maxLength, string field) => Text(value, maxLength, field, allowLineBreaks: true);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int Range(int value, int min, int max, string field) =>
        value >= min && value <= max ? value : throw new InvalidFieldException(field, $"Must be {min} to {max}; got {value}.");

    /// <summary>A finite number from <paramref name="min"/> to <paramref name="max"/> (NaN and infinities are refused).</summary>
    public static double Range(double value, double min, double max, string field) =>
        double.IsFinite(value) && value >= min && value <= max
            ? value
            : throw new InvalidFieldException(field, $"Must be a number from {Show(min)} to {Show(max)}.");

    /// <summary>A decimal from <paramref name="min"/> to <paramref name="max"/> with at most <paramref name="decimals"/> decimal places (the column's scale).</summary>
    public static decimal Range(decimal value, decimal min, decimal max, int decimals, string field) =>
        value >= min && value <= max && decimal.Round(value, decimals) == value
            ? value
            : throw new InvalidFieldException(field, $"Must be {Show(min)} to {Show(max)} with at most {decimals} decimal places.");

    /// <summary>A named value of <typeparamref name="T"/>: binding and storage accept any number, and an unnamed one breaks every later plan.</summary>
    public static T Defined<T>(T value, string field) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new InvalidFieldException(field, $"Must be one of: {string.Join(", ", Enum.GetNames<T>())}.");

    private static string Text(string value, int maxLength, string field, bool allowLineBreaks)
    {
        if (value.Length > maxLength) throw new InvalidFieldException(field, $"At most {maxLength} characters; got {value.Length}.");
        if (value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t')))
            throw new InvalidFieldException(field, allowLineBreaks ? "Control characters other than line breaks and tabs are not allowed." : "Control characters are not allowed.");
        return value;
    }

    private static string Show(IFormattable number) => number.ToString(null, CultureInfo.InvariantCulture);
}
