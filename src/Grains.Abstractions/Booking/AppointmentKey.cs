namespace Hospital.Grains.Abstractions.Booking;

/// <summary>
/// Builds appointment ids: the session id, a dot, and 16 hex digits of a keyed digest of the patient and the client's
/// idempotency key. The same request retried yields the same id (so the pool answers it with the first result), the id
/// itself says which pool owns the appointment, and nobody without the hospital's key can derive an id from a patient
/// id and a key they guessed.
/// </summary>
public static class AppointmentKey
{
    /// <summary>What the hospital's keyed digest (<c>IPersonalDataProtector.Fingerprint</c>) is taken of for one booking request.</summary>
    public static string Request(string patientId, string idempotencyKey) => $"appointment\n{patientId}\n{idempotencyKey}";

    /// <summary>The id of the booking whose <see cref="Request"/> has the keyed digest <paramref name="requestDigest"/> (lowercase hex).</summary>
    public static string Build(string sessionId, string requestDigest)
    {
        if (requestDigest.Length < 16 || !requestDigest.AsSpan(0, 16).ContainsOnlyHex())
            throw new ArgumentException("The request digest must start with 16 lowercase hex digits.", nameof(requestDigest));
        return $"{sessionId}.{requestDigest[..16]}";
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
