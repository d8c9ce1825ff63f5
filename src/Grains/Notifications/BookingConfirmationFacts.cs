using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.Notifications;

/// <summary>
/// Everything the booking confirmation says, already looked up; instants are in hospital time. <see cref="FreeCancellationUntil"/>
/// is null when the booking was paid after free cancellation had ended.
/// </summary>
public sealed record BookingConfirmationFacts(
    string Salutation,
    string DepartmentName,
    string DoctorName,
    string DoctorTitle,
    SessionPeriod Period,
    int SlotNo,
    DateTimeOffset SlotStartsAt,
    string Location,
    DateTimeOffset CheckInOpensAt,
    DateTimeOffset CheckInClosesAt,
    DateTimeOffset? FreeCancellationUntil,
    decimal LateCancellationFeeRate);
