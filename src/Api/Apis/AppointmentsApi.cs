using System.Security.Claims;
using Hospital.Api.Apis.Abuse;
using Hospital.Api.Apis.Access;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Api.Infrastructure.RateLimits;
using Hospital.Grains;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Browsing;
using Hospital.Grains.Payments;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// Booking, paying, cancelling and rescheduling. Every call is routed by the appointment id, which names its session. Who may
/// call what is decided in one place: the group's policy, then <see cref="AppointmentAccessFilter"/>.
/// </summary>
public static class AppointmentsApi
{
    public static IEndpointRouteBuilder MapAppointmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/appointments").WithTags("Appointments")
            .RequireAuthorization(HospitalPolicies.AppointmentUser).AddEndpointFilter<AppointmentAccessFilter>();
        api.MapPost("/", CreateAppointmentAsync)
            .WithSummary("Hold a slot for 15 minutes to pay (Idempotency-Key required): App by a patient for a patient on the account, " +
                         "PhoneWindow by a window clerk, DoctorAddOn by the session's doctor")
            .WithIdempotencyKeyHeader().ProducesValidationProblem()
            .WithBookingRateLimits().AddEndpointFilter<BookingSourceFilter>()
            .WithOptionalHeader(BookingSource.DeviceHeader, "A stable id of the app installation, for anti-scalping detection (at most 64 characters counted)",
                "3f2a9c1e-7b4d-4e8a-9f61-2c5d8e0a7b13")
            .ProducesProblemCodes(StatusCodes.Status403Forbidden, "auth.forbidden", "auth.channel_forbidden")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "session.not_found", "patient.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "slot.sold_out", "slot.taken", "slot.reserved", "slot.passed", "session.not_released",
                "session.stopped", "session.closed", "patient.already_booked", "patient.daily_limit", "account.daily_limit", "patient.suspended",
                "account.frozen", "patient.frozen", "idempotency.key_reused", "appointment.id_conflict")
            .WithRequestExample(ApiExamples.CreateAppointment)
            .WithResponseExample(StatusCodes.Status201Created, ApiExamples.HeldAppointment)
            .WithResponseExample(StatusCodes.Status409Conflict, ApiExamples.SoldOutProblem);
        api.MapGet("/{id}", GetAppointmentAsync).WithSummary("An appointment and its status")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.BookedAppointment);
        api.MapPost("/{id}/pay", PayWithoutGatewayAsync)
            .WithSummary("Books a held slot paid outside the gateway: at a window, where the clerk takes the money. For patients only where " +
                         "Payments:UnpaidBookingShortcut is on (Development, load runs); apps pay through POST /api/appointments/{id}/payments")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "hold.expired", "appointment.not_payable", "appointment.invalid_transition", PayThroughGatewayCode)
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.BookedAppointment);
        api.MapGet("/{id}/refund-quote", QuoteRefundAsync).WithSummary("What cancelling now would refund")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.RefundQuote);
        api.MapPost("/{id}/cancel", CancelAsync).WithSummary("Cancel a booking (refund by tier) or give up a hold")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "appointment.not_cancellable", "appointment.invalid_transition")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.CancelledAppointment);
        api.MapPost("/{id}/reschedule", RescheduleAsync)
            .WithSummary("Move a paid booking to another session with the same fee, in one step: the old slot is freed only when the new one is " +
                         "booked (Idempotency-Key required)")
            .WithIdempotencyKeyHeader().WithBookingRateLimits()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found", "session.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "slot.sold_out", "session.not_released", "session.stopped", "session.closed",
                "appointment.not_reschedulable", "appointment.reschedule_limit", "reschedule.fee_differs", "patient.already_booked",
                "patient.suspended", "account.frozen", "patient.frozen", "idempotency.key_reused")
            .WithRequestExample(ApiExamples.Reschedule)
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.RescheduledAppointment);
        return app;
    }

    public static async Task<Results<Created<AppointmentView>, ProblemHttpResult>> CreateAppointmentAsync(
        CreateAppointmentRequest request, HttpRequest http, ClaimsPrincipal user, CatalogCache cache, IGrainFactory grains)
    {
        var key = IdempotencyKeys.Require(http);
        var session = cache.Current.Session(RequiredInput.Text(request.SessionId, "sessionId"));
        var patientId = RequiredInput.Text(request.PatientId, "patientId");
        var booking = new BookingRequest(session.SessionId, session.DepartmentId, request.SlotNo, EnumInput.Defined(request.Channel, "channel") ?? BookingChannel.App, key);
        // A patient books through the account, which counts its bookings; staff book for the patient directly, recorded as themselves.
        var result = user.IsPatient()
            ? await grains.Of<IAccountGrain>(user.Subject()).BookAsync(patientId, booking)
            : await grains.Of<IPatientGrain>(patientId).BookAsync(booking with { Actor = user.Actor() });
        return result.Appointment is { } held
            ? TypedResults.Created($"/api/appointments/{held.Id}", held)
            : HoldProblems.For(result);
    }

    public static async Task<Ok<AppointmentView>> GetAppointmentAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await PoolOf(id, grains).GetAppointmentAsync(id));

    public const string PayThroughGatewayCode = "payment.gateway_required";

    /// <summary>
    /// A window clerk books what the window was paid; anyone else only where the shortcut is on, since it books without money:
    /// everywhere else a patient who could call it would book for free.
    /// </summary>
    public static async Task<Ok<AppointmentView>> PayWithoutGatewayAsync(string id, ClaimsPrincipal user, IGrainFactory grains, IOptions<PaymentOptions> payments)
    {
        if (!user.IsInRole(HospitalRoles.WindowClerk) && !payments.Value.UnpaidBookingShortcut)
            throw new RuleConflictException(PayThroughGatewayCode, $"Pay through POST /api/appointments/{id}/payments: the slot is booked when the payment arrives.");
        return TypedResults.Ok(await PoolOf(id, grains).ConfirmPaymentAsync(id, paymentRef: $"{(user.IsPatient() ? "unpaid" : "window")}-{id}", user.Actor()));
    }

    public static async Task<Ok<RefundQuote>> QuoteRefundAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await PoolOf(id, grains).QuoteRefundAsync(id));

    public static async Task<Ok<AppointmentView>> CancelAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var appointment = await PoolOf(id, grains).GetAppointmentAsync(id);
        var reason = user.IsPatient() ? "cancelled by the patient" : "cancelled by staff";
        return TypedResults.Ok(await grains.Of<IPatientGrain>(appointment.PatientId).CancelAsync(id, user.Actor(), reason));
    }

    public static async Task<Ok<AppointmentView>> RescheduleAsync(
        string id, RescheduleAppointmentRequest request, HttpRequest http, ClaimsPrincipal user, CatalogCache cache, IGrainFactory grains)
    {
        var key = IdempotencyKeys.Require(http);
        var target = cache.Current.Session(RequiredInput.Text(request.SessionId, "sessionId"));
        var appointment = await PoolOf(id, grains).GetAppointmentAsync(id);
        // The patient is always the appointment's own (bookings are non-transferable); a patient's move goes through the
        // account, which refuses it while frozen.
        return TypedResults.Ok(user.IsPatient()
            ? await grains.Of<IAccountGrain>(user.Subject()).RescheduleAsync(appointment.PatientId, id, target.SessionId, target.DepartmentId, key)
            : await grains.Of<IPatientGrain>(appointment.PatientId).RescheduleAsync(id, target.SessionId, target.DepartmentId, key, user.Actor()));
    }

    internal static ISlotPoolGrain PoolOf(string appointmentId, IGrainFactory grains) =>
        AppointmentKey.TryGetSessionId(appointmentId, out var sessionId) ? grains.Of<ISlotPoolGrain>(sessionId) : throw NotFound(appointmentId);

    /// <summary>The one answer for an id that is unknown or not the caller's to see: word for word the pool's answer for an unknown id.</summary>
    internal static NotFoundException NotFound(string appointmentId) => new("appointment.not_found", $"Appointment {appointmentId} does not exist.");
}
