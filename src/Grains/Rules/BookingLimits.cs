namespace Hospital.Grains.Rules;

/// <summary>
/// Per-account and per-patient booking limits as pure checks over counts the caller (PatientGrain) keeps.
/// Each check answers "may one more be made?" given how many already exist.
/// </summary>
public static class BookingLimits
{
    public const string DailyLimitCode = "patient.daily_limit";
    public const string RescheduleLimitCode = "appointment.reschedule_limit";
    public const string DepartmentDayLimitCode = "patient.already_booked";
    public const string PatientLimitCode = "account.patient_limit";
    public const string AccountDailyLimitCode = "account.daily_limit";
    public const string WaitlistLimitCode = "patient.waitlist_limit";

    /// <summary>When a hold made at <paramref name="heldAt"/> expires unpaid.</summary>
    public static DateTimeOffset HoldExpiresAt(DateTimeOffset heldAt, BookingRulesOptions options) => heldAt + options.HoldDuration;

    /// <summary>
    /// A patient may get a new booking while fewer than the daily maximum were made for them today, by whichever accounts
    /// (a mother on her own phone and on her daughter's).
    /// </summary>
    public static RuleDecision CheckDailyBookings(int newBookingsToday, BookingRulesOptions options) =>
        newBookingsToday < options.MaxNewBookingsPerAccountPerDay
            ? RuleDecision.Allow
            : RuleDecision.Deny(DailyLimitCode, $"A patient can have at most {options.MaxNewBookingsPerAccountPerDay} new bookings made per day, from whichever accounts.");

    /// <summary>
    /// An account may book for its patients while it made fewer new bookings today than the daily maximum, whichever patients
    /// they were for: one phone cannot sweep a day's slots with borrowed identities.
    /// </summary>
    public static RuleDecision CheckAccountDailyBookings(int newBookingsToday, BookingRulesOptions options) =>
        newBookingsToday < options.MaxNewBookingsPerAccountPerDay
            ? RuleDecision.Allow
            : RuleDecision.Deny(AccountDailyLimitCode, $"This account made its {options.MaxNewBookingsPerAccountPerDay} new bookings for today, for whichever patients.");

    /// <summary>A booking may be rescheduled while it was moved fewer times than the maximum.</summary>
    public static RuleDecision CheckReschedule(int reschedulesSoFar, BookingRulesOptions options) =>
        reschedulesSoFar < options.MaxReschedulesPerBooking
            ? RuleDecision.Allow
            : RuleDecision.Deny(RescheduleLimitCode, $"A booking can be changed at most {options.MaxReschedulesPerBooking} times.");

    /// <summary>A patient may book a department on a visit date while holding fewer active bookings there that day than the maximum.</summary>
    public static RuleDecision CheckDepartmentDay(int activeBookingsSameDepartmentSameDay, BookingRulesOptions options) =>
        activeBookingsSameDepartmentSameDay < options.MaxBookingsPerPatientPerDepartmentPerDay
            ? RuleDecision.Allow
            : RuleDecision.Deny(DepartmentDayLimitCode, "A patient can have only one booking per department per day.");

    /// <summary>An account may add a patient while it has fewer than the maximum.</summary>
    public static RuleDecision CheckPatientCount(int patientsOnAccount, BookingRulesOptions options) =>
        patientsOnAccount < options.MaxPatientsPerAccount
            ? RuleDecision.Allow
            : RuleDecision.Deny(PatientLimitCode, $"An account can have at most {options.MaxPatientsPerAccount} patients.");

    /// <summary>A patient may join another session's waitlist while waiting on fewer than the maximum.</summary>
    public static RuleDecision CheckWaitlists(int waitingNow, BookingRulesOptions options) =>
        waitingNow < options.MaxWaitlistsPerPatient
            ? RuleDecision.Allow
            : RuleDecision.Deny(WaitlistLimitCode, $"A patient can wait for at most {options.MaxWaitlistsPerPatient} sessions at once; leave one first.");
}
