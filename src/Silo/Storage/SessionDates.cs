using System.Globalization;

namespace Hospital.Silo.Storage;

/// <summary>Visit dates travel as ISO text (2026-11-23): a SQLite TEXT column compares it in order, a MySQL DATE column converts it.</summary>
internal static class SessionDates
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date as read back: a DateTime from a MySQL DATE column, ISO text from SQLite.</summary>
    public static DateOnly Parse(object stored) =>
        stored is DateTime date ? DateOnly.FromDateTime(date) : DateOnly.ParseExact((string)stored, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
