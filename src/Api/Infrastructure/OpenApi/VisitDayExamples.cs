using Hospital.Api.Apis.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>The example requests and responses of check-in and the doctor's workstation in the OpenAPI document.</summary>
public static class VisitDayExamples
{
    private const string SessionId = "D0042-20261124-AM";

    public static IReadOnlyList<CalendarSessionResponse> Sessions { get; } = [BrowsingExamples.Session];

    public static CheckInRequest CheckIn { get; } = new(ApiExamples.BookedAppointment.Id, "K7M2P9QX");

    public static PlaceAddOnRequest PlaceAddOn { get; } = new($"{SessionId}.5c4d3e2f1a0b9c8d", 1);

    public static AppointmentView CheckedIn { get; } = ApiExamples.BookedAppointment with { Status = AppointmentStatus.CheckedIn, FhirStatus = "checked-in" };

    public static AppointmentView InVisit { get; } = ApiExamples.BookedAppointment with { Status = AppointmentStatus.InVisit, FhirStatus = "arrived" };

    public static AppointmentView Completed { get; } = ApiExamples.BookedAppointment with { Status = AppointmentStatus.Completed, FhirStatus = "fulfilled" };

    public static QueueResponse Queue { get; } = new(SessionId,
        Calling: Patient("3f9a1c2b7d4e5f60", 3, "王*明"),
        InVisit: [Patient("0b1c2d3e4f5a6b7c", 2, "李*", AppointmentStatus.InVisit)],
        Waiting: [Patient("7a6b5c4d3e2f1a0b", 4, "张*华"), Patient("1a2b3c4d5e6f7a8b", 1, "赵*芳", missedOnce: true), Patient("9e8d7c6b5a4f3e2d", 5, "陈*", late: true)]);

    public static ProblemDetails CallPendingProblem { get; } = ProblemExamples.Problem(StatusCodes.Status409Conflict, "queue.call_pending",
        "The request conflicts with a rule.", "The called patient has neither started a visit nor been skipped.");

    public static ProblemDetails TooEarlyProblem { get; } = ProblemExamples.Problem(StatusCodes.Status409Conflict, "checkin.too_early",
        "The request conflicts with a rule.", "Check-in opens at 07:48.");

    private static QueuePatientResponse Patient(string key, int slotNo, string name, AppointmentStatus status = AppointmentStatus.CheckedIn,
        bool late = false, bool missedOnce = false) =>
        new($"{SessionId}.{key}", slotNo, name, BookingChannel.App, status, late, missedOnce);
}
