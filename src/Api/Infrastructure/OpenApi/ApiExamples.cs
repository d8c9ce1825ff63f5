using Hospital.Api.Apis;
using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Privacy;
using Hospital.Grains.Patients;
using Hospital.Grains.Rules;
using Microsoft.AspNetCore.Mvc;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>The example requests and responses shown in the OpenAPI document for the main booking calls.</summary>
public static class ApiExamples
{
    private const string SessionId = "D0042-20261124-AM";
    private const string AppointmentId = SessionId + ".3f9a1c2b7d4e5f60";
    private const string PatientId = "P7c1e0a9b2d3f4e5";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static CreatePatientRequest CreatePatient { get; } = new("张三", "11010519491231002X", "13800138000", FamilyRelationship.Parent, VisitCode: "K7M2P9QX");

    public static FamilyMemberResponse FamilyMember { get; } = FamilyMemberResponse.From(
        new PatientView(PatientId, PersonalDataMask.Name(CreatePatient.Name), PersonalDataMask.IdNumber(CreatePatient.IdNumber),
            PersonalDataMask.Phone(CreatePatient.Phone), new DateOnly(1949, 12, 31), "Female"),
        new FamilyMember(PatientId, FamilyRelationship.Parent, new DateTimeOffset(2026, 11, 20, 9, 30, 0, China)));

    public static CreateAppointmentRequest CreateAppointment { get; } = new(SessionId, PatientId, SlotNo: null, BookingChannel.App);

    public static AppointmentView HeldAppointment { get; } = new(
        AppointmentId, SessionId, SlotNo: 7, SlotTime: new DateTimeOffset(2026, 11, 24, 8, 48, 0, China), PatientId, BookingChannel.App,
        AppointmentStatus.Held, "pending", Fee: 50m, HeldAt: new DateTimeOffset(2026, 11, 23, 7, 0, 2, China),
        ExpiresAt: new DateTimeOffset(2026, 11, 23, 7, 15, 2, China), BookedAt: null, RefundAmount: null, RescheduleCount: 0, RescheduledFrom: null);

    public static AppointmentView BookedAppointment { get; } = HeldAppointment with
    {
        Status = AppointmentStatus.Booked, FhirStatus = "booked", ExpiresAt = null, BookedAt = new DateTimeOffset(2026, 11, 23, 7, 3, 40, China),
    };

    public static IReadOnlyList<FamilyMemberResponse> FamilyMembers { get; } = [FamilyMember];

    public static RefundQuote RefundQuote { get; } = new(AppointmentId, Cancellable: true, Paid: 50m, Refund: 50m, Charge: 0m, Tier: "free", ReasonCode: null);

    public static AppointmentView CancelledAppointment { get; } = BookedAppointment with
    {
        Status = AppointmentStatus.Cancelled, FhirStatus = AppointmentStatus.Cancelled.ToFhirCode(), RefundAmount = 50m,
    };

    public static RescheduleAppointmentRequest Reschedule { get; } = new("D0042-20261125-AM");

    public static AppointmentView RescheduledAppointment { get; } = BookedAppointment with
    {
        Id = "D0042-20261125-AM.8c2d4e6f1a3b5c7d", SessionId = "D0042-20261125-AM", SlotNo = 4,
        SlotTime = new DateTimeOffset(2026, 11, 25, 8, 30, 0, China), RescheduleCount = 1, RescheduledFrom = AppointmentId,
    };

    public static ProblemDetails SoldOutProblem { get; } = Problem(StatusCodes.Status409Conflict, "Sold out",
        HoldProblems.SoldOutDetail, "slot.sold_out");

    public static ProblemDetails InvalidPatientProblem { get; } = new HttpValidationProblemDetails(new Dictionary<string, string[]>
    {
        ["idNumber"] = ["The check character does not match (GB 11643)."],
        ["phone"] = ["A mainland mobile number of 11 digits starting with 1 is required."],
    })
    {
        Status = StatusCodes.Status400BadRequest, Title = "One or more fields are invalid.",
        Extensions = { ["code"] = "request.invalid", ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" },
    };

    /// <summary>A problem as the exception handler writes it, with an example trace id.</summary>
    internal static ProblemDetails Problem(int status, string title, string? detail, string code) => new()
    {
        Status = status, Title = title, Detail = detail,
        Extensions = { ["code"] = code, ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" },
    };
}
