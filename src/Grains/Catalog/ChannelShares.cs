using Hospital.Grains.Rules;

namespace Hospital.Grains.Catalog;

/// <summary>
/// Fractions of a session's quota kept away from the app: for the window/phone (elderly patients, 现场/电话预约)
/// and for the doctor's follow-up add-ons (加号). Everything else is bookable in the app.
/// </summary>
/// <remarks>
/// <para><c>PhoneWindow</c>: Fraction 0–1 kept for <see cref="BookingChannel.PhoneWindow"/>.</para>
/// <para><c>DoctorAddOn</c>: Fraction 0–1 kept for <see cref="BookingChannel.DoctorAddOn"/>.</para>
/// </remarks>
public sealed record ChannelShares(decimal PhoneWindow, decimal DoctorAddOn)
{
    /// <summary>The default split: 20% window/phone, 10% doctor add-ons, 70% app.</summary>
    public static ChannelShares Standard { get; } = new(0.2m, 0.1m);

    /// <summary>Everything bookable in the app.</summary>
    public static ChannelShares AppOnly { get; } = new(0m, 0m);

    /// <summary>Shares are stored as DECIMAL(4,3).</summary>
    public const int Decimals = 3;

    public decimal PhoneWindow { get; init; } = FieldCheck.Range(PhoneWindow, 0m, 1m, Decimals, nameof(PhoneWindow));

    public decimal DoctorAddOn { get; init; } = FieldCheck.Range(DoctorAddOn, 0m, 1m, Decimals, nameof(DoctorAddOn)) + PhoneWindow <= 1m
        ? DoctorAddOn
        : throw new InvalidFieldException(nameof(DoctorAddOn), "Channel shares are fractions between 0 and 1 that add up to at most 1.");

    /// <summary>
    /// Slot counts per channel for a session of <paramref name="quota"/> slots. Reserved counts are rounded down,
    /// so the app never loses more than the stated shares; the app gets the rest.
    /// </summary>
    public ChannelCounts CountsFor(int quota)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quota);
        var phone = (int)decimal.Floor(quota * PhoneWindow);
        var addOn = (int)decimal.Floor(quota * DoctorAddOn);
        return new ChannelCounts(quota - phone - addOn, phone, addOn);
    }
}
