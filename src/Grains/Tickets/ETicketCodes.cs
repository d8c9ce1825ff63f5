namespace Hospital.Grains.Tickets;

/// <summary>The stable problem codes of e-tickets; a refused scan says which one, so the clerk knows what to tell the patient.</summary>
public static class ETicketCodes
{
    /// <summary>400: the scanned text is not an e-ticket at all (cut off, another QR code).</summary>
    public const string Malformed = "ticket.malformed";

    /// <summary>400: the signature does not match: the ticket was altered, or not issued by this hospital (or with a retired key).</summary>
    public const string SignatureInvalid = "ticket.signature_invalid";

    /// <summary>409: a genuine ticket whose visit day is over.</summary>
    public const string Expired = "ticket.expired";

    /// <summary>409: only a paid booking (Booked, or already checked in) has an e-ticket.</summary>
    public const string Unavailable = "ticket.unavailable";
}
