using System.Buffers.Binary;
using System.Text;

namespace Hospital.Grains.Tickets;

/// <summary>
/// The e-ticket's bytes, small so the QR code stays coarse enough for old kiosk scanners (about 90 characters in all):
/// format (1 byte), key id (1), appointment id (length byte + ASCII), slot number (2, big-endian), expiry (4, Unix seconds,
/// big-endian), masked name (length byte + UTF-8), then the signature tag over everything before it.
/// </summary>
public static class ETicketFormat
{
    public const byte Version = 1;

    /// <summary>HMAC-SHA256 truncated to 128 bits: forging one needs about 2^128 tries, each a scan at a kiosk.</summary>
    public const int TagLength = 16;

    /// <summary>The signed part of a ticket: everything but the tag.</summary>
    public static byte[] Body(ETicket ticket, byte keyId)
    {
        var id = Encoding.ASCII.GetBytes(ticket.AppointmentId);
        var name = Encoding.UTF8.GetBytes(ticket.PatientName);
        if (id.Length > byte.MaxValue || name.Length > byte.MaxValue) throw new ArgumentException("The appointment id or the masked name is too long.", nameof(ticket));
        var body = new byte[2 + 1 + id.Length + 2 + 4 + 1 + name.Length];
        var at = 0;
        body[at++] = Version;
        body[at++] = keyId;
        body[at++] = (byte)id.Length;
        at += Copy(id, body, at);
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(at), checked((ushort)ticket.SlotNo));
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(at + 2), checked((uint)ticket.ExpiresAt.ToUnixTimeSeconds()));
        at += 6;
        body[at++] = (byte)name.Length;
        Copy(name, body, at);
        return body;
    }

    /// <summary>The key id and the length of the signed part, when the bytes are laid out as a ticket; nothing is trusted yet.</summary>
    public static bool TryReadFrame(ReadOnlySpan<byte> bytes, out byte keyId, out int bodyLength)
    {
        (keyId, bodyLength) = (0, 0);
        if (bytes.Length < 3 || bytes[0] != Version) return false;
        var nameAt = 3 + bytes[2] + 6;
        if (bytes.Length <= nameAt) return false;
        (keyId, bodyLength) = (bytes[1], nameAt + 1 + bytes[nameAt]);
        return bytes.Length == bodyLength + TagLength;
    }

    /// <summary>The ticket in a signed part whose frame <see cref="TryReadFrame"/> accepted.</summary>
    public static ETicket ReadBody(ReadOnlySpan<byte> body)
    {
        var idLength = body[2];
        var at = 3 + idLength;
        var slotNo = BinaryPrimitives.ReadUInt16BigEndian(body[at..]);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(body[(at + 2)..]));
        var name = Encoding.UTF8.GetString(body[(at + 7)..]);
        return new ETicket(Encoding.ASCII.GetString(body.Slice(3, idLength)), slotNo, name, expiresAt);
    }

    private static int Copy(byte[] source, byte[] target, int at)
    {
        source.CopyTo(target, at);
        return source.Length;
    }
}
