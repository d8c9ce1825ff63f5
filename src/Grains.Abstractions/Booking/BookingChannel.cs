namespace Hospital.Grains.Abstractions.Booking;

/// <summary>Who may book a slot: most slots are for the app; some are kept for the window/phone (elderly) and the doctor's add-ons (加号).</summary>
[GenerateSerializer, Alias("Hospital.BookingChannel")]
public enum BookingChannel
{
    App,
    PhoneWindow,
    DoctorAddOn,
}
