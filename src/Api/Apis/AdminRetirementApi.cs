using System.ComponentModel;
using System.Globalization;
using Hospital.Api.Apis.Access;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Appointments;
using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// Retiring a doctor and ending a weekly template, keeping history: the rows stay (appointments still show the doctor),
/// planning makes no session from the date on, and planned sessions from then on leave browsing. A planned session that
/// someone holds a slot in is never dropped silently: the change is refused (409, listing those sessions) until an admin
/// stops them (POST /api/admin/sessions/{id}/stop), which cancels and refunds with a notice to each patient. A booking that
/// lands between the check and the change is not lost either: planning keeps any session with a held slot in browsing
/// (<see cref="HospitalCatalog.Withdraws"/>), and the next retire or end lists it.
/// </summary>
public static class AdminRetirementApi
{
    public static IEndpointRouteBuilder MapAdminRetirementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Administration")
            .RequireAuthorization(HospitalPolicies.DepartmentAdmin).AddEndpointFilter<DepartmentScopeFilter>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem()
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "schedule.sessions_booked");
        api.MapPost("/doctors/{id:int}/retire", RetireDoctorAsync)
            .WithSummary("Retire a doctor from a date (default today): no sessions from then on, unbooked planned ones leave browsing, " +
                         "the doctor leaves patients' doctor lists but stays readable for history. 409 lists sessions with bookings: stop them first")
            .WithMetadata(new DepartmentScope(AdminApi.DoctorsDepartment))
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "doctor.not_found")
            .WithRequestExample(ListExamples.RetireDoctor)
            .WithResponseExample(StatusCodes.Status409Conflict, ListExamples.OccupiedSessionsProblem);
        api.MapDelete("/doctors/{id:int}/templates/{weekday}/{period}", EndTemplateAsync)
            .WithSummary("End a doctor's weekly session from ?from=YYYY-MM-DD (default today): no sessions from then on, unbooked planned ones " +
                         "leave browsing; saving the template again reopens it. 409 lists sessions with bookings: stop them first")
            .WithMetadata(new DepartmentScope(AdminApi.DoctorsDepartment))
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "doctor.not_found", "template.not_found")
            .WithResponseExample(StatusCodes.Status409Conflict, ListExamples.OccupiedSessionsProblem);
        return app;
    }

    public static async Task<NoContent> RetireDoctorAsync(
        int id, RetireDoctorRequest request, [AsParameters] AdminServices services, HospitalTime hospitalTime, HospitalClock time, IAppointmentReadStore appointments)
    {
        var doctor = services.Cache.Current.Doctor(id);
        var from = From(request.From, hospitalTime.DateOf(time.GetUtcNow()));
        var reason = AdminValidation.Build(() => FieldCheck.Text(RequiredInput.Text(request.Reason, "reason"), Doctor.MaxRetireReasonLength, "reason"));
        await EnsureNoOccupiedSessionsAsync(appointments, doctor.Id, from, _ => true, services.Cancellation);
        await services.Store.RetireDoctorAsync(doctor.Id, from, reason, services.Cancellation);
        return await services.ReplanAsync();
    }

    public static async Task<NoContent> EndTemplateAsync(
        int id, DayOfWeek weekday, SessionPeriod period,
        [Description("The first day without the session, YYYY-MM-DD: today (the hospital's date, the default) or later.")] string? from, [AsParameters] AdminServices services, HospitalTime hospitalTime, HospitalClock time,
        IAppointmentReadStore appointments)
    {
        var doctor = services.Cache.Current.Doctor(id);
        var template = services.Cache.Current.Catalog.Templates.FirstOrDefault(t => t.DoctorId == doctor.Id && t.Weekday == weekday && t.Period == period)
            ?? throw new NotFoundException("template.not_found", $"Doctor {doctor.Id} has no {weekday} {period} session.");
        var endsFrom = From(from is null ? null : ParseDate(from), hospitalTime.DateOf(time.GetUtcNow()));
        await EnsureNoOccupiedSessionsAsync(appointments, doctor.Id, endsFrom,
            s => s.Date.DayOfWeek == template.Weekday && s.Period == template.Period, services.Cancellation);
        await services.Store.EndTemplateAsync(doctor.Id, template.Weekday, template.Period, endsFrom, services.Cancellation);
        return await services.ReplanAsync();
    }

    /// <summary>The date a change takes effect: today when not given; a past date would rewrite history, so it is a 400.</summary>
    private static DateOnly From(DateOnly? given, DateOnly today) => given switch
    {
        null => today,
        { } date when date < today => throw InputValidationException.For("from", $"from is today ({today:yyyy-MM-dd}) or later."),
        { } date => date,
    };

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw InputValidationException.For("from", "from is a date, YYYY-MM-DD.");

    private static async Task EnsureNoOccupiedSessionsAsync(
        IAppointmentReadStore appointments, int doctorId, DateOnly from, Func<OccupiedSession, bool> affected, CancellationToken cancellationToken)
    {
        var occupied = (await appointments.FindOccupiedSessionsAsync(doctorId, from, cancellationToken)).Where(affected).ToList();
        if (occupied.Count > 0)
            throw new RuleConflictException("schedule.sessions_booked",
                $"{occupied.Count} session(s) from {from:yyyy-MM-dd} on have booked or held slots; stop them first (POST /api/admin/sessions/{{id}}/stop), then retry.")
            {
                Details = new Dictionary<string, object?> { ["sessions"] = occupied },
            };
    }
}
