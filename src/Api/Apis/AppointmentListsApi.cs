using System.ComponentModel;
using System.Security.Claims;
using Hospital.Api.Apis.Access;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Appointments;
using Hospital.Grains.Browsing;
using Hospital.Grains.Patients;
using Hospital.Grains.SlotPools;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// Finding appointments again: a patient's (for its accounts and admins), a session's (for its doctor and admins) and one
/// appointment's audit trail (for staff who may read the appointment). Lists are paged (<see cref="PageQuery"/>); who may
/// read what is decided by <see cref="PatientAccess"/>, <see cref="AppointmentAccess"/> and <see cref="AppointmentAccessFilter"/>.
/// </summary>
public static class AppointmentListsApi
{
    public static IEndpointRouteBuilder MapAppointmentListsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/patients").WithTags("Appointments").RequireAuthorization(HospitalPolicies.PatientAppointmentReader)
            .MapGet("/{id}/appointments", ListPatientAppointmentsAsync)
            .WithSummary("A patient's appointments, newest visit first, filtered by status (repeatable) and when=upcoming|past " +
                         "(by the hospital's date: today counts as upcoming); paged. Accounts see their own patients', admins their departments'")
            .ProducesValidationProblem().ProducesProblemCodes(StatusCodes.Status404NotFound, "patient.not_found")
            .WithResponseExample(StatusCodes.Status200OK, ListExamples.PatientAppointments)
            .WithResponseExample(StatusCodes.Status400BadRequest, ListExamples.BadPageProblem);
        app.MapGroup("/api/sessions").WithTags("Appointments").RequireAuthorization(HospitalPolicies.Staff)
            .MapGet("/{id}/appointments", ListSessionAppointmentsAsync)
            .WithSummary("A session's appointments in slot order, every status, patients' personal data masked; paged. " +
                         "For the session's doctor, its department's admins and hospital admins")
            .ProducesValidationProblem().ProducesProblemCodes(StatusCodes.Status403Forbidden, "auth.session_scope").ProducesProblemCodes(StatusCodes.Status404NotFound, "session.not_found")
            .WithResponseExample(StatusCodes.Status200OK, ListExamples.SessionAppointments);
        app.MapGroup("/api/appointments").WithTags("Appointments").RequireAuthorization(HospitalPolicies.Staff)
            .AddEndpointFilter<AppointmentAccessFilter>()
            .MapGet("/{id}/audit", GetAuditAsync)
            .WithSummary("Every status change of an appointment, oldest first: when, who acted, from which status to which, and why. " +
                         "For staff who may read the appointment")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found")
            .WithResponseExample(StatusCodes.Status200OK, ListExamples.AuditTrail);
        return app;
    }

    public static async Task<Ok<Page<AppointmentListItemResponse>>> ListPatientAppointmentsAsync(
        string id,
        [Description("Only these statuses (repeat the parameter for several): Held, Booked, CheckedIn, InVisit, Completed, NoShow, Expired, " +
                     "Abandoned, Cancelled, Rescheduled, CancelledByHospital.")] string[]? status,
        [Description("upcoming: visits today or later (the hospital's date); past: before today.")] string? when,
        [AsParameters] PageQuery paging, ClaimsPrincipal user, [AsParameters] BrowsingServices browsing, IPatientStore patients, IAppointmentReadStore store, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var departments = await PatientAccess.AppointmentDepartmentsAsync(user, id, grains, patients, cancellationToken);
        var page = paging.Window();
        var statuses = (status ?? []).Select(s => EnumInput.Named<AppointmentStatus>(s, "status")).ToList();
        var filter = new AppointmentListFilter(statuses, when is null ? null : EnumInput.Named<VisitTiming>(when, "when"), browsing.Today, departments);
        var items = await store.ListPatientAppointmentsAsync(id, filter, page.Offset, page.Limit, cancellationToken);
        return TypedResults.Ok(page.Of([.. items.Select(a => AppointmentListItemResponse.From(a, browsing.Cache.Current))]));
    }

    public static async Task<Results<Ok<Page<AppointmentListItemResponse>>, ProblemHttpResult>> ListSessionAppointmentsAsync(
        string id, [AsParameters] PageQuery paging, ClaimsPrincipal user, CatalogCache cache, IAppointmentReadStore store, CancellationToken cancellationToken)
    {
        var owner = await store.FindSessionOwnerAsync(id, cancellationToken)
            ?? throw new NotFoundException("session.not_found", $"There is no session '{id}'.");
        if (!AppointmentAccess.StaffMayRead(user, owner.DoctorId, owner.DepartmentId))
            return TypedResults.Problem(title: "A session's appointments are read by its doctor, its department's admins and hospital admins.",
                statusCode: StatusCodes.Status403Forbidden, extensions: new Dictionary<string, object?> { ["code"] = "auth.session_scope" });
        var page = paging.Window();
        var items = await store.ListSessionAppointmentsAsync(id, page.Offset, page.Limit, cancellationToken);
        return TypedResults.Ok(page.Of([.. items.Select(a => AppointmentListItemResponse.From(a, cache.Current))]));
    }

    /// <summary>A trail has a handful of rows (hold, pay, check-in, visit, end), so it is not paged.</summary>
    public static async Task<Ok<IReadOnlyList<AuditEntry>>> GetAuditAsync(string id, IAppointmentReadStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.LoadAuditAsync(id, cancellationToken));
}
