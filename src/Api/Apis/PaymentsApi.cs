using System.Text.Json;
using Hospital.Api.Apis.Access;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Silo.Payments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// Payment orders and the gateway's notifications. Opening an order is guarded like every appointment call
/// (<see cref="AppointmentAccessFilter"/>); the callback is anonymous by design, as the gateway has no account: it is
/// authenticated by its signature (<see cref="SandboxCallbackVerifier"/>).
/// </summary>
public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/appointments").WithTags("Payments")
            .RequireAuthorization(HospitalPolicies.AppointmentUser).AddEndpointFilter<AppointmentAccessFilter>()
            .MapPost("/{id}/payments", OpenOrderAsync)
            .WithSummary("Open the payment order of a held slot: answers where to pay (cashier page, QR payload to draw). The slot is booked when the " +
                         "gateway confirms the payment; asking again answers the same order")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "hold.expired", "appointment.not_payable")
            .WithResponseExample(StatusCodes.Status200OK, PaymentExamples.PendingOrder);
        app.MapPost(SandboxNotifier.CallbackPath, ReceiveSandboxNotificationAsync).WithTags("Payments").AllowAnonymous()
            .WithSummary("For the sandbox gateway only: its signed payment notification (headers X-Sandbox-Timestamp, X-Sandbox-Nonce, " +
                         "X-Sandbox-Signature = base64 HMAC-SHA256 of timestamp, nonce and body, one per line). Answers {\"code\":\"SUCCESS\"} once handled; " +
                         "anything else makes the gateway retry")
            .Accepts<SandboxNotification>("application/json")
            .Produces<GatewayAcknowledgement>(StatusCodes.Status200OK)
            .Produces<GatewayAcknowledgement>(StatusCodes.Status400BadRequest)
            .Produces<GatewayAcknowledgement>(StatusCodes.Status401Unauthorized)
            .Produces<GatewayAcknowledgement>(StatusCodes.Status409Conflict)
            .WithRequestExample(PaymentExamples.PaidNotification)
            .WithResponseExample(StatusCodes.Status200OK, GatewayAcknowledgement.Success);
        return app;
    }

    public static async Task<Ok<PaymentOrderView>> OpenOrderAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IPaymentGrain>(PaymentOrderId.For(id)).OpenAsync(id));

    public static async Task<IResult> ReceiveSandboxNotificationAsync(HttpRequest http, SandboxCallbackVerifier verifier, IGrainFactory grains)
    {
        var body = await new StreamReader(http.Body).ReadToEndAsync(http.HttpContext.RequestAborted);
        var headers = http.Headers;
        if (await verifier.RefusalAsync(headers[SandboxSignature.TimestampHeader], headers[SandboxSignature.NonceHeader],
                headers[SandboxSignature.SignatureHeader], body, http.HttpContext.RequestAborted) is { } refusal)
            return TypedResults.Json(GatewayAcknowledgement.Fail(refusal), statusCode: StatusCodes.Status401Unauthorized);
        if (Parse(body) is not { } result || !PaymentOrderId.TryGetAppointmentId(result.OrderId, out _))
            return TypedResults.BadRequest(GatewayAcknowledgement.Fail("not a notification of one of our orders"));
        try
        {
            await grains.GetGrain<IPaymentGrain>(result.OrderId).ApplyGatewayResultAsync(result);
            return TypedResults.Ok(GatewayAcknowledgement.Success);
        }
        catch (HospitalException refused)
        {
            return TypedResults.Json(GatewayAcknowledgement.Fail(refused.Code), statusCode: StatusCodes.Status409Conflict);
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
