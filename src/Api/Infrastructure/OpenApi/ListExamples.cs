using Hospital.Api.Apis;
using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Appointments;
using Hospital.Grains.Catalog;
using Hospital.Grains.SlotPools;
using Microsoft.AspNetCore.Mvc;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>The example answers shown in the OpenAPI document for the lists and reads, and for retiring doctors and templates.</summary>
public static class ListExamples
{
    private const string SessionId = "D0042-20261124-AM";
    private const string AppointmentId = SessionId + ".3f9a1c2b7d4e5f60";
    private const string PatientId = "P7c1e0a9b2d3f4e5";
    private const string TraceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly AppointmentListItemResponse Booked = new(
        AppointmentId, SessionId, new DateOnly(2026, 11, 24), SessionPeriod.Morning, SlotNo: 7, DoctorId: 42, DoctorName: "李明", DepartmentId: 1,
        DepartmentName: "心血管内科", PatientId, PatientName: "张*", PatientIdNumber: "1****************X", PatientPhone: "138****8000",
        BookingChannel.App, AppointmentStatus.Booked, FhirStatus: "booked", Fee: 50m);

    public static Page<AppointmentListItemResponse> PatientAppointments { get; } = new(
        [Booked, Booked with { Id = "D0042-20261117-AM.9b8a7c6d5e4f3a21", SessionId = "D0042-20261117-AM", VisitDate = new DateOnly(2026, 11, 17),
            SlotNo = 3, Status = AppointmentStatus.Completed, FhirStatus = "fulfilled" }],
        NextCursor: PageQuery.Encode(2));

    public static Page<AppointmentListItemResponse> SessionAppointments { get; } = new(
        [Booked with { Id = SessionId + ".0c1d2e3f4a5b6c7d", SlotNo = 1, PatientId = "P0a1b2c3d4e5f6a7", PatientName = "王**",
            PatientIdNumber = "3****************6", PatientPhone = "139****1234", Status = AppointmentStatus.CheckedIn, FhirStatus = "checked-in" }, Booked],
        NextCursor: null);

    public static IReadOnlyList<AuditEntry> AuditTrail { get; } =
    [
        new(AppointmentId, new DateTimeOffset(2026, 11, 23, 7, 0, 2, China), "account:A5d4c3b2a1f0e9d8", null, AppointmentStatus.Held, "held for payment"),
        new(AppointmentId, new DateTimeOffset(2026, 11, 23, 7, 3, 40, China), PatientId, AppointmentStatus.Held, AppointmentStatus.Booked, "paid"),
    ];

    private static readonly Department Department = new(1, "心血管内科", "门诊楼2层A区", "高血压、冠心病");

    public static DepartmentResponse DepartmentDetail { get; } = DepartmentResponse.From(Department, ReleasePolicy.RollingSevenDays);

    public static Page<DepartmentResponse> Departments { get; } = new([DepartmentDetail], NextCursor: null);

    public static Room Room { get; } = new("2A-01", Department.Id, "门诊楼2层A区1诊室");

    public static Page<Room> Rooms { get; } = new([Room, new Room("2A-02", Department.Id, "门诊楼2层A区2诊室")], NextCursor: null);

    private static readonly Doctor Doctor = new(42, 1, "李明", DoctorTitle.ChiefPhysician, ["高血压", "冠心病"], 50m, "从事心血管内科临床工作二十余年。", 4.8);

    public static Page<AdminDoctorResponse> Doctors { get; } = new([AdminDoctorResponse.From(Doctor, Department)], NextCursor: PageQuery.Encode(20));

    public static AdminDoctorResponse RetiredDoctor { get; } = Doctors.Items[0] with { RetiredFrom = new DateOnly(2026, 12, 1), RetireReason = "退休" };

    public static IReadOnlyList<TemplateResponse> Templates { get; } =
    [
        new(DayOfWeek.Monday, SessionPeriod.Morning, "2A-01", Quota: 30, SlotMinutes: 8, PhoneWindowShare: 0.2m, DoctorAddOnShare: 0.1m, EndsFrom: null),
        new(DayOfWeek.Thursday, SessionPeriod.Afternoon, "2A-01", Quota: 20, SlotMinutes: 10, PhoneWindowShare: 0.2m, DoctorAddOnShare: 0.1m,
            EndsFrom: new DateOnly(2026, 12, 3)),
    ];

    public static RetireDoctorRequest RetireDoctor { get; } = new(new DateOnly(2026, 12, 1), "退休");

    public static ProblemDetails OccupiedSessionsProblem { get; } = new()
    {
        Status = StatusCodes.Status409Conflict, Title = "The request conflicts with a rule.",
        Detail = "1 session(s) from 2026-12-01 on have booked or held slots; stop them first (POST /api/admin/sessions/{id}/stop), then retry.",
        Extensions =
        {
            ["code"] = "schedule.sessions_booked", ["traceId"] = TraceId,
            ["sessions"] = new[] { new OccupiedSession("D0042-20261201-AM", new DateOnly(2026, 12, 1), SessionPeriod.Morning, Appointments: 12) },
        },
    };

    public static ProblemDetails BadPageProblem { get; } = new HttpValidationProblemDetails(new Dictionary<string, string[]>
    {
        ["pageSize"] = [$"pageSize is a whole number from 1 to {PageQuery.MaxSize} (default {PageQuery.DefaultSize})."],
    })
    {
        Status = StatusCodes.Status400BadRequest, Title = "One or more fields are invalid.", Extensions = { ["code"] = "request.invalid", ["traceId"] = TraceId },
    };
}
