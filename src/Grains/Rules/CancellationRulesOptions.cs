using Hospital.Grains.Catalog;

namespace Hospital.Grains.Rules;

/// <summary>
/// Cancellation and refund rules. Defaults: free until 16:00 (hospital time) of the day before the visit; after
/// that, until the visit starts, a late fee of 20% of the registration fee is kept (the rest refunded); no
/// cancellation from the visit start on. 3 patient cancellations in a calendar month suspend new bookings for
/// the rest of that month.
/// </summary>
public sealed class CancellationRulesOptions
{
    /// <summary>Free cancellation ends at this wall-clock time, <see cref="FreeCancellationDaysBefore"/> days before the visit date. Default 16:00.</summary>
    public TimeOnly FreeCancellationCutoff { get; set; } = new(16, 0);

    /// <summary>Days before the visit date on which free cancellation ends. Default 1 (the day before).</summary>
    public int FreeCancellationDaysBefore { get; set; } = 1;

    /// <summary>Fraction of the fee kept when cancelling after the free period. Default 0.20 (20%).</summary>
    public decimal LateCancellationFeeRate { get; set; } = 0.20m;

    /// <summary>Cancellations in one calendar month that suspend new bookings for the rest of it. Default 3.</summary>
    public int MaxCancellationsPerMonth { get; set; } = 3;

    /// <summary>The hospital's time zone, in which the cutoff is read.</summary>
    public HospitalTime Time { get; set; } = HospitalTime.China;

    /// <summary>Throws when a value is out of range; call once at start-up.</summary>
    public void Validate()
    {
        if (FreeCancellationDaysBefore < 0) throw new InvalidOperationException("FreeCancellationDaysBefore cannot be negative.");
        if (LateCancellationFeeRate is < 0m or > 1m) throw new InvalidOperationException("LateCancellationFeeRate must be between 0 and 1.");
        if (MaxCancellationsPerMonth < 1) throw new InvalidOperationException("MaxCancellationsPerMonth must be at least 1.");
    }
}
