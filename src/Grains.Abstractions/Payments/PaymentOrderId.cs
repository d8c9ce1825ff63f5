using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.Abstractions.Payments;

/// <summary>
/// A hold's payment order id: derived from the appointment id, so asking again for the same hold reaches the same order
/// (and its grain) instead of opening a second one that could be paid twice.
/// </summary>
public static class PaymentOrderId
{
    private const string Suffix = ".pay";

    public static string For(string appointmentId) => appointmentId + Suffix;

    /// <summary>The appointment an order id belongs to; false for anything that is not an order id.</summary>
    public static bool TryGetAppointmentId(string? orderId, out string appointmentId)
    {
        var valid = orderId is not null && orderId.EndsWith(Suffix, StringComparison.Ordinal)
                    && AppointmentKey.TryGetSessionId(orderId[..^Suffix.Length], out _);
        appointmentId = valid ? orderId![..^Suffix.Length] : "";
        return valid;
    }
}
