using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Catalog;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>The example answers of the browsing and administration calls in the OpenAPI document.</summary>
public static class BrowsingExamples
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateOnly Day = new(2026, 11, 24);

    public static IReadOnlyList<DepartmentResponse> Departments { get; } =
    [
        new(3, "心血管内科", "门诊楼 3 层", "Cardiology: hypertension, coronary heart disease, arrhythmia.",
            new ReleasePolicyResponse(WindowDays: 7, ReleaseTime: new TimeOnly(7, 0), WeeklyReleaseDay: null)),
    ];

    public static IReadOnlyList<DoctorResponse> Doctors { get; } =
    [
        new(42, 3, "心血管内科", "李明", DoctorTitle.ChiefPhysician, DoctorTitle.ChiefPhysician.ToChineseName(), ["高血压", "冠心病"], 50m,
            "Thirty years of cardiology; Tuesday and Thursday mornings.", 4.8),
    ];

    public static CalendarSessionResponse Session { get; } = new(
        "D0042-20261124-AM", Day, SessionPeriod.Morning, new DateTimeOffset(2026, 11, 24, 8, 0, 0, China), 42, "李明", "A301", 50m,
        SessionState.FewLeft, Available: 3, Quota: 30, OpensAt: new DateTimeOffset(2026, 11, 17, 7, 0, 0, China));

    public static CalendarDayResponse CalendarDay { get; } = new(Day, [Session]);

    public static IReadOnlyList<CalendarDayResponse> DoctorCalendar { get; } = [CalendarDay, new(Day.AddDays(1), [])];

    public static SessionResponse SessionWithSlots { get; } = new(Session,
    [
        new SlotView(1, new DateTimeOffset(2026, 11, 24, 8, 0, 0, China), new DateTimeOffset(2026, 11, 24, 8, 8, 0, China), BookingChannel.App, Free: false),
        new SlotView(2, new DateTimeOffset(2026, 11, 24, 8, 8, 0, China), new DateTimeOffset(2026, 11, 24, 8, 16, 0, China), BookingChannel.App, Free: true),
    ]);

    public static IReadOnlyList<SkippedCatalogRow> SkippedRows { get; } = [new("schedule_templates", "42/Tuesday/Morning", "There is no room 'A399'.")];

    public static StopSessionResponse Stopped { get; } = new("D0042-20261124-AM", CancelledAppointments: 27);
}
