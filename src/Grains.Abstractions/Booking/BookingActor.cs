namespace Hospital.Grains.Abstractions.Booking;

/// <summary>
/// Who made a booking or changed an appointment, as the audit rows record it (column actor): an account booking for one of its
/// patients, a staff user (a window clerk, a doctor adding a patient, an admin stopping a session), or the payment gateway
/// whose confirmation booked a hold. Prefixed, so account ids and staff ids can never be confused.
/// </summary>
public static class BookingActor
{
    public const string AccountPrefix = "account:";
    public const string StaffPrefix = "staff:";
    public const string GatewayPrefix = "gateway:";

    /// <summary>
    /// The waitlist, which holds a returned slot for the first waiting patient: the offer is the hospital's doing, so it counts
    /// neither as one of the account's bookings of the day nor, left unpaid, as one of its lapsed holds.
    /// </summary>
    public const string Waitlist = "waitlist";

    public static string Account(string accountId) => AccountPrefix + accountId;

    public static string Staff(string staffId) => StaffPrefix + staffId;

    public static string Gateway(string gatewayName) => GatewayPrefix + gatewayName;
}
