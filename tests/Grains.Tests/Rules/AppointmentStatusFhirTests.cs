using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Rules;

public sealed class AppointmentStatusFhirTests
{
    [Theory]
    [InlineData(AppointmentStatus.Held, "pending")]
    [InlineData(AppointmentStatus.Booked, "booked")]
    [InlineData(AppointmentStatus.CheckedIn, "checked-in")]
    [InlineData(AppointmentStatus.InVisit, "arrived")]
    [InlineData(AppointmentStatus.Completed, "fulfilled")]
    [InlineData(AppointmentStatus.NoShow, "noshow")]
    [InlineData(AppointmentStatus.Expired, "cancelled")]
    [InlineData(AppointmentStatus.Abandoned, "cancelled")]
    [InlineData(AppointmentStatus.Cancelled, "cancelled")]
    [InlineData(AppointmentStatus.Rescheduled, "cancelled")]
    [InlineData(AppointmentStatus.CancelledByHospital, "cancelled")]
    public void ToFhirCode_MapsEveryStatus(AppointmentStatus status, string code) => Assert.Equal(code, status.ToFhirCode());

    [Fact]
    public void ToFhirCode_OfUnknownValue_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((AppointmentStatus)99).ToFhirCode());
}
