namespace Hospital.Grains.Abstractions.Booking;

/// <summary>
/// Who made a booking or changed an appointment, as the audit rows record it (column actor): an account booking for one of its
/// patients, or a staff user (a window clerk, a doctor adding a patient, an admin stopping a session). Prefixed, so account ids
/// and staff ids can never be confused.
/// </summary>
public static class BookingActor
{
    public const string AccountPrefix = "account:";
    public const string StaffPrefix = "staff:";

    public static string Account(string accountId) => AccountPrefix + accountId;

    public static string Staff(string staffId) => StaffPrefix + staffId;
}
