using System.Security.Cryptography;
using System.Text;

namespace Hospital.Grains.Abstractions.Booking;

/// <summary>
/// Builds appointment ids: the session id, a dot, and a digest of the patient and the client's idempotency key.
/// The same request retried yields the same id (so the pool answers it with the first result), and the id
/// itself says which pool owns the appointment.
/// </summary>
public static class AppointmentKey
{
    public static string Build(string sessionId, string patientId, string idempotencyKey)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{patientId}\n{idempotencyKey}"));
        return $"{sessionId}.{Convert.ToHexStringLower(digest.AsSpan(0, 8))}";
    }

    /// <summary>The session an appointment id belongs to; false for anything that is not an appointment id.</summary>
    public static bool TryGetSessionId(string? appointmentId, out string sessionId)
    {
        var dot = appointmentId?.LastIndexOf('.') ?? -1;
        var valid = dot > 0 && appointmentId!.Length - dot - 1 == 16 && appointmentId.AsSpan(dot + 1).ContainsOnlyHex();
        sessionId = valid ? appointmentId![..dot] : "";
        return valid;
    }

    private static bool ContainsOnlyHex(this ReadOnlySpan<char> text)
    {
        foreach (var c in text) if (!char.IsAsciiHexDigitLower(c)) return false;
        return true;
    }
}
