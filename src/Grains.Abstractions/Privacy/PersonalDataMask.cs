namespace Hospital.Grains.Abstractions.Privacy;

/// <summary>Masks personal data before it reaches a response or a log line.</summary>
public static class PersonalDataMask
{
    /// <summary>Keeps the first 3 and last 4 digits of a phone number: 138****5678.</summary>
    public static string Phone(string? phone) => Keep(phone, head: 3, tail: 4);

    /// <summary>Keeps the first and last character of an ID number: 1****************X.</summary>
    public static string IdNumber(string? idNumber) => Keep(idNumber, head: 1, tail: 1);

    /// <summary>Keeps the family name (first character) of a person's name: 张**.</summary>
    public static string Name(string? name) => Keep(name, head: 1, tail: 0);

    /// <summary>A name as a waiting-room list shows it: first and last character of three or more (王*明, 欧**明), the first of two (王*).</summary>
    public static string BoardName(string? name) => Keep(name, head: 1, tail: name?.Length >= 3 ? 1 : 0);

    private static string Keep(string? value, int head, int tail)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value.Length <= head + tail) return new string('*', value.Length);
        return string.Concat(value.AsSpan(0, head), new string('*', value.Length - head - tail), value.AsSpan(value.Length - tail));
    }
}
