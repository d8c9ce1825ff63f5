using System.Text.Json;
using Hospital.Api.Apis.Access;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Browsing;
using Hospital.Grains.Payments;
using Hospital.Silo.Payments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// Payment orders (with their insurance split and refunds) and the gateway's payment and refund notifications. Opening an
/// order is guarded like every appointment call (<see cref="AppointmentAccessFilter"/>); the callbacks are anonymous by
/// design, as the gateway has no account: it is authenticated by its signature (<see cref="SandboxCallbackVerifier"/>).
/// </summary>
public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/appointments").WithTags("Payments")
            .RequireAuthorization(HospitalPolicies.AppointmentUser).AddEndpointFilter<AppointmentAccessFilter>();
        orders.MapGet("/{id}/payments", GetOrderAsync)
            .WithSummary("The payment order of an appointment and how it stands (poll it after paying): the insurance split and, after a " +
                         "cancellation, each refund part (pooled fund, personal account, self-pay) with its state Requested, Processing, Succeeded or Failed")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found", "payment.not_found")
            .WithResponseExample(StatusCodes.Status200OK, PaymentExamples.PendingOrder);
        orders.MapPost("/{id}/payments", OpenOrderAsync)
            .WithSummary("Open the payment order of a held slot, optionally with the patient's insurance (body {\"insuranceType\": \"Employee\" | " +
                         "\"Resident\" | \"SelfPay\"}, default SelfPay): answers the split of the fee into pooled fund (统筹), personal account " +
                         "(个人账户) and self-pay (自付) before paying, and where to pay (cashier page, QR payload to draw). The slot is booked when the " +
                         "gateway confirms the payment; asking again answers the same order with its first split")
            .ProducesValidationProblem()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "hold.expired", "appointment.not_payable")
            .WithRequestExample(PaymentExamples.OpenWithInsurance)
            .WithResponseExample(StatusCodes.Status200OK, PaymentExamples.PendingOrder);
        app.MapPost(SandboxNotifier.CallbackPath, ReceiveSandboxNotificationAsync).WithTags("Payments").AllowAnonymous()
            .WithSummary("For the sandbox gateway only: its signed payment notification (headers X-Sandbox-Timestamp, X-Sandbox-Nonce, " +
                         "X-Sandbox-Signature = base64 HMAC-SHA256 of timestamp, nonce and body, one per line). Answers {\"code\":\"SUCCESS\"} once handled; " +
                         "a refusal (problem details) makes the gateway retry")
            .Accepts<SandboxNotification>("application/json")
            .Produces<GatewayAcknowledgement>(StatusCodes.Status200OK)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, "payment.notification_invalid")
            .ProducesProblemCodes(StatusCodes.Status401Unauthorized, "payment.signature_invalid")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "payment.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "payment.amount_mismatch")
            .WithRequestExample(PaymentExamples.PaidNotification)
            .WithResponseExample(StatusCodes.Status200OK, GatewayAcknowledgement.Success);
        app.MapPost(SandboxNotifier.RefundCallbackPath, ReceiveSandboxRefundNotificationAsync).WithTags("Payments").AllowAnonymous()
            .WithSummary("For the sandbox gateway only: its signed notification of one refund part (signed like the payment notification). " +
                         "Answers {\"code\":\"SUCCESS\"} once handled, duplicates and stale failures included; a refusal makes the gateway retry")
            .Accepts<SandboxRefundNotification>("application/json")
            .Produces<GatewayAcknowledgement>(StatusCodes.Status200OK)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, "payment.notification_invalid")
            .ProducesProblemCodes(StatusCodes.Status401Unauthorized, "payment.signature_invalid")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "payment.not_found", "refund.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "payment.amount_mismatch")
            .WithRequestExample(PaymentExamples.RefundSucceededNotification)
            .WithResponseExample(StatusCodes.Status200OK, GatewayAcknowledgement.Success);
        return app;
    }

    public static async Task<Ok<PaymentOrderView>> OpenOrderAsync(string id, OpenPaymentRequest? request, IGrainFactory grains, CatalogCache cache)
    {
        var insurance = EnumInput.Defined(request?.InsuranceType, "insuranceType") ?? InsuranceType.SelfPay;
        return TypedResults.Ok(await grains.Of<IPaymentGrain>(PaymentOrderId.For(id)).OpenAsync(id, insurance, FeeTypeOf(id, cache.Current)));
    }

    /// <summary>
    /// From the title of the session's doctor. A payable hold's session is always in the booking window the cache holds; General
    /// is only ever used for an order asked again later, whose split is already fixed.
    /// </summary>
    private static FeeType FeeTypeOf(string appointmentId, CatalogSnapshot catalog) =>
        AppointmentKey.TryGetSessionId(appointmentId, out var sessionId) && catalog.FindSession(sessionId) is { } session
        && catalog.FindDoctor(session.DoctorId) is { } doctor
            ? FeeTypes.Of(doctor.Title)
            : FeeType.General;

    public static async Task<Ok<PaymentOrderView>> GetOrderAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Of<IPaymentGrain>(PaymentOrderId.For(id)).GetAsync());

    public static async Task<IResult> ReceiveSandboxNotificationAsync(HttpRequest http, SandboxCallbackVerifier verifier, IGrainFactory grains)
    {
        var (body, refusal) = await SandboxCallbacks.ReadVerifiedAsync(http, verifier);
        if (refusal is not null) return refusal;
        if (Parse(body) is not { } result || !PaymentOrderId.TryGetAppointmentId(result.OrderId, out _))
            return SandboxCallbacks.Refused(StatusCodes.Status400BadRequest, "payment.notification_invalid", "The body is not a notification of one of our orders.");
        // An unknown order (404) or a wrong amount (409) is answered as a problem like any refusal: the gateway retries it.
        await grains.Of<IPaymentGrain>(result.OrderId).ApplyGatewayResultAsync(result);
        return TypedResults.Ok(GatewayAcknowledgement.Success);
    }

    public static async Task<IResult> ReceiveSandboxRefundNotificationAsync(HttpRequest http, SandboxCallbackVerifier verifier, IGrainFactory grains)
    {
        var (body, refusal) = await SandboxCallbacks.ReadVerifiedAsync(http, verifier);
        if (refusal is not null) return refusal;
        if (ParseRefund(body) is not { } result || !PaymentOrderId.TryGetAppointmentId(result.OrderId, out _))
            return SandboxCallbacks.Refused(StatusCodes.Status400BadRequest, "payment.notification_invalid", "The body is not a refund notification of one of our orders.");
        await grains.GetGrain<IPaymentGrain>(result.OrderId).ApplyRefundResultAsync(result);
        return TypedResults.Ok(GatewayAcknowledgement.Success);
    }

    private static GatewayRefundResult? ParseRefund(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<SandboxRefundNotification>(body) is { OrderId: not null, RefundId: not null } notice ? notice.ToResult() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static GatewayPaymentResult? Parse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<SandboxNotification>(body) is { OrderId: { } orderId } notice
                ? notice.TradeState switch
                {
                    SandboxNotification.Success => new GatewayPaymentResult(orderId, GatewayPaymentState.Paid, notice.TradeNo, notice.Amount),
                    SandboxNotification.Failed => new GatewayPaymentResult(orderId, GatewayPaymentState.Failed, notice.TradeNo, notice.Amount),
                    _ => null,
                }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
