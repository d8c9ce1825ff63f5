namespace Hospital.Grains.Catalog;

/// <summary>How many slots of one session each channel gets.</summary>
public sealed record ChannelCounts(int App, int PhoneWindow, int DoctorAddOn)
{
    public int Total => App + PhoneWindow + DoctorAddOn;

    /// <summary>The count for one channel.</summary>
    public int For(BookingChannel channel) => channel switch
    {
        BookingChannel.App => App,
        BookingChannel.PhoneWindow => PhoneWindow,
        BookingChannel.DoctorAddOn => DoctorAddOn,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown booking channel."),
    };
}
