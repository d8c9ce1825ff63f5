using System.ComponentModel;

namespace Hospital.Api.Apis.Contracts;

/// <summary>Where the doctor places a waiting add-on patient.</summary>
public sealed record PlaceAddOnRequest(
    [property: Description("The add-on appointment (DoctorAddOn channel), checked in and waiting.")] string? AppointmentId,
    [property: Description("1 is called next; a position past the end of the queue puts the patient last. At most 1000.")] int? Position);
