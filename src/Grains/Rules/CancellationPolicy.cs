using Hospital.Grains.Catalog;

namespace Hospital.Grains.Rules;

/// <summary>Quotes the refund for a patient's cancellation (see <see cref="CancellationRulesOptions"/> for the tiers).</summary>
public static class CancellationPolicy
{
    /// <summary>
    /// Quote for cancelling a visit starting at <paramref name="visitStart"/> with <paramref name="fee"/> paid:
    /// free strictly before the cutoff, late tier from the cutoff until strictly before the visit start, refused from then on.
    /// Amounts are rounded to the fen (0.01), half away from zero.
    /// </summary>
    public static CancellationQuote Quote(DateTimeOffset visitStart, decimal fee, DateTimeOffset now, CancellationRulesOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fee);
        if (now >= visitStart) return new CancellationQuote(false, 0m, 0m, CancellationQuote.ClosedTier, CancellationQuote.NotCancellableCode);
        if (now < FreeUntil(visitStart, options)) return new CancellationQuote(true, fee, 0m, CancellationQuote.FreeTier, null);

        var charged = decimal.Round(fee * options.LateCancellationFeeRate, 2, MidpointRounding.AwayFromZero);
        return new CancellationQuote(true, fee - charged, charged, CancellationQuote.LateTier, null);
    }

    /// <summary>Quote for cancelling slot <paramref name="slotNo"/> of <paramref name="session"/>; the visit starts when the slot does.</summary>
    public static CancellationQuote Quote(SessionDefinition session, int slotNo, DateTimeOffset now, CancellationRulesOptions options)
    {
        var slot = session.FindSlot(slotNo) ?? throw new ArgumentOutOfRangeException(nameof(slotNo), slotNo, $"Session {session.SessionId} has no slot {slotNo}.");
        return Quote(slot.StartsAt, session.Fee, now, options);
    }

    /// <summary>The hospital cancelled (doctor stop): always allowed, full refund.</summary>
    public static CancellationQuote QuoteHospitalCancellation(decimal fee) => new(true, fee, 0m, CancellationQuote.HospitalTier, null);

    /// <summary>The instant free cancellation ends for a visit starting at <paramref name="visitStart"/>.</summary>
    public static DateTimeOffset FreeUntil(DateTimeOffset visitStart, CancellationRulesOptions options)
    {
        var visitDate = options.Time.DateOf(visitStart);
        return options.Time.At(visitDate.AddDays(-options.FreeCancellationDaysBefore), options.FreeCancellationCutoff);
    }
}
