namespace Hospital.Grains.Rules;

/// <summary>Booking limits per account and patient. Defaults follow the Beijing 114 platform and hospital mini-programs.</summary>
public sealed class BookingRulesOptions
{
    /// <summary>Smallest and largest allowed <see cref="MaxPatientsPerAccount"/> (3–5 就诊人 per account).</summary>
    public const int MinPatientsLimit = 3, MaxPatientsLimit = 5;

    /// <summary>How long a held slot waits for payment before it returns to the pool. Default 15 minutes.</summary>
    public TimeSpan HoldDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>New bookings (holds) one account may make per hospital-local day. Default 3.</summary>
    public int MaxNewBookingsPerAccountPerDay { get; set; } = 3;

    /// <summary>Times one booking may be moved to another slot. Default 2.</summary>
    public int MaxReschedulesPerBooking { get; set; } = 2;

    /// <summary>Active bookings one patient may hold in one department on one visit date. Default 1.</summary>
    public int MaxBookingsPerPatientPerDepartmentPerDay { get; set; } = 1;

    /// <summary>Patients (family members) one account may register, 3–5. Default 5.</summary>
    public int MaxPatientsPerAccount { get; set; } = 5;

    /// <summary>Waitlists (候补) one patient may wait on at once. Default 3.</summary>
    public int MaxWaitlistsPerPatient { get; set; } = 3;

    /// <summary>Throws when a value is out of range; call once at start-up.</summary>
    public void Validate()
    {
        if (HoldDuration <= TimeSpan.Zero) throw new InvalidOperationException("HoldDuration must be positive.");
        if (MaxNewBookingsPerAccountPerDay < 1) throw new InvalidOperationException("MaxNewBookingsPerAccountPerDay must be at least 1.");
        if (MaxReschedulesPerBooking < 0) throw new InvalidOperationException("MaxReschedulesPerBooking cannot be negative.");
        if (MaxBookingsPerPatientPerDepartmentPerDay < 1) throw new InvalidOperationException("MaxBookingsPerPatientPerDepartmentPerDay must be at least 1.");
        if (MaxWaitlistsPerPatient < 1) throw new InvalidOperationException("MaxWaitlistsPerPatient must be at least 1.");
        if (MaxPatientsPerAccount is < MinPatientsLimit or > MaxPatientsLimit)
            throw new InvalidOperationException($"MaxPatientsPerAccount must be {MinPatientsLimit}–{MaxPatientsLimit}.");
    }
}
