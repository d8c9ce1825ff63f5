using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Hospital.Grains.Catalog;

/// <summary>
/// The one place that builds and parses session ids (the SlotPoolGrain key): <c>D{doctorId:0000}-{yyyyMMdd}-{AM|PM|EV}</c>,
/// e.g. <c>D0042-20261123-AM</c>. Never concatenate session ids anywhere else.
/// </summary>
public static class SessionKey
{
    /// <summary>The canonical id of a doctor's session on a date and period.</summary>
    public static string Build(int doctorId, DateOnly date, SessionPeriod period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(doctorId);
        return string.Create(CultureInfo.InvariantCulture, $"D{doctorId:D4}-{date:yyyyMMdd}-{Code(period)}");
    }

    /// <summary>Parses a session id; false for anything that is not exactly what <see cref="Build"/> produces.</summary>
    public static bool TryParse([NotNullWhen(true)] string? sessionId, out int doctorId, out DateOnly date, out SessionPeriod period)
    {
        doctorId = 0;
        date = default;
        period = default;
        var parts = sessionId?.Split('-');
        if (parts is not [var doctorPart, var datePart, var periodPart] || !doctorPart.StartsWith('D')) return false;
        if (!int.TryParse(doctorPart.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0) return false;
        if (!DateOnly.TryParseExact(datePart, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return false;
        if (!TryPeriod(periodPart, out var parsedPeriod)) return false;
        // Only the canonical spelling is accepted, so one session never has two keys (e.g. D42 vs D0042).
        if (Build(id, day, parsedPeriod) != sessionId) return false;
        (doctorId, date, period) = (id, day, parsedPeriod);
        return true;
    }

    /// <summary>Parses a session id or throws <see cref="FormatException"/>.</summary>
    public static (int DoctorId, DateOnly Date, SessionPeriod Period) Parse(string sessionId) =>
        TryParse(sessionId, out var doctorId, out var date, out var period)
            ? (doctorId, date, period)
            : throw new FormatException($"'{sessionId}' is not a session id like D0042-20261123-AM.");

    private static string Code(SessionPeriod period) => period switch
    {
        SessionPeriod.Morning => "AM",
        SessionPeriod.Afternoon => "PM",
        SessionPeriod.Evening => "EV",
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown session period."),
    };

    private static bool TryPeriod(string code, out SessionPeriod period)
    {
        (var known, period) = code switch
        {
            "AM" => (true, SessionPeriod.Morning),
            "PM" => (true, SessionPeriod.Afternoon),
            "EV" => (true, SessionPeriod.Evening),
            _ => (false, default),
        };
        return known;
    }
}
