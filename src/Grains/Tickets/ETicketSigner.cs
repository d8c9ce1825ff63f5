using System.Buffers.Text;
using System.Security.Cryptography;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Patients;
using Microsoft.Extensions.Options;

namespace Hospital.Grains.Tickets;

/// <summary>
/// Signs e-tickets with the current key and verifies scanned ones with the key their id names (see <see cref="TicketOptions"/>).
/// The payload is base64url, so it travels in a QR code, a URL or JSON unchanged. Signing is deterministic: a ticket shown
/// twice is the same QR code.
/// </summary>
public sealed class ETicketSigner
{
    /// <summary>What key 0 is derived from: the hospital's keyed fingerprint of this label, so it is secret like the data key.</summary>
    private const string DerivedKeyLabel = "hospital e-ticket signing key 0";

    private readonly Dictionary<byte, byte[]> _keys;
    private readonly byte _currentKeyId;

    public ETicketSigner(IOptions<TicketOptions> options, IPersonalDataProtector protector)
    {
        _keys = new Dictionary<byte, byte[]>(options.Value.ConfiguredKeys()) { [0] = Convert.FromHexString(protector.Fingerprint(DerivedKeyLabel)) };
        _currentKeyId = (byte)options.Value.CurrentKeyId;
    }

    public string Sign(ETicket ticket)
    {
        var body = ETicketFormat.Body(ticket, _currentKeyId);
        return Base64Url.EncodeToString([.. body, .. Tag(_keys[_currentKeyId], body)]);
    }

    /// <summary>
    /// The ticket a scanned payload carries, once its signature is verified and its day is not over; otherwise a 400 for a
    /// payload that is not a ticket or whose signature does not match, a 409 for an expired one.
    /// </summary>
    public ETicket Verify(string payload, DateTimeOffset now)
    {
        var bytes = Decode(payload);
        if (!ETicketFormat.TryReadFrame(bytes, out var keyId, out var bodyLength))
            throw Malformed();
        var body = bytes.AsSpan(0, bodyLength);
        if (!_keys.TryGetValue(keyId, out var key) || !CryptographicOperations.FixedTimeEquals(Tag(key, body), bytes.AsSpan(bodyLength)))
            throw InputValidationException.For("ticket", "The ticket's signature does not match: it was altered or was not issued by this hospital.",
                ETicketCodes.SignatureInvalid);
        var ticket = ReadSigned(body);
        if (ticket.ExpiresAt <= now)
            throw new RuleConflictException(ETicketCodes.Expired, $"This e-ticket was valid until {ticket.ExpiresAt:yyyy-MM-dd HH:mm} UTC; its visit day is over.");
        return ticket;
    }

    // The decoder throws on characters outside base64url, so they are refused first.
    private static byte[] Decode(string payload) => Base64Url.IsValid(payload) ? Base64Url.DecodeFromChars(payload) : throw Malformed();

    /// <summary>A signed body is one we wrote, so it reads; the id is still checked, as everything later routes by it.</summary>
    private static ETicket ReadSigned(ReadOnlySpan<byte> body)
    {
        var ticket = ETicketFormat.ReadBody(body);
        return AppointmentKey.TryGetSessionId(ticket.AppointmentId, out _) ? ticket : throw Malformed();
    }

    private static byte[] Tag(byte[] key, ReadOnlySpan<byte> body) => HMACSHA256.HashData(key, body)[..ETicketFormat.TagLength];

    private static InputValidationException Malformed() =>
        InputValidationException.For("ticket", "This is not an e-ticket of this hospital: scan the QR code on the e-ticket again.", ETicketCodes.Malformed);
}
