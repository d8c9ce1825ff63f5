using System.Security.Claims;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Payments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// Refunds that failed after all their automatic retries, for hospital admins (money crosses departments): the list, and
/// sending one back to the gateway, recorded in the refund's audit (payment_refund_events) with the admin's staff id and reason.
/// </summary>
public static class PaymentAdminApi
{
    public const int MaxListed = 100;
    public const int MaxReasonLength = 200;

    public static IEndpointRouteBuilder MapPaymentAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/refunds").WithTags("Payments").RequireAuthorization(HospitalPolicies.HospitalAdmin);
        api.MapGet("/surfaced", ListSurfacedAsync)
            .WithSummary($"Refund parts that failed after all their automatic retries and wait for an admin, oldest first (at most {MaxListed}): " +
                         "which order and appointment, which part (PooledFund, PersonalAccount, SelfPay), the amount, the attempts and the last error")
            .WithResponseExample(StatusCodes.Status200OK, PaymentExamples.SurfacedRefunds);
        api.MapPost("/{orderId}/{refundId}/retry", RetryAsync)
            .WithSummary("Send a surfaced refund part back to the gateway with a fresh round of retries; the reason is required and stored with " +
                         "your staff id in the refund's audit. Answers the order with its refunds")
            .ProducesValidationProblem()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "payment.not_found", "refund.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "refund.not_surfaced")
            .WithRequestExample(new RetryRefundRequest("The patient's bank account was reopened; confirmed by phone."))
            .WithResponseExample(StatusCodes.Status200OK, PaymentExamples.RefundingOrder);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<SurfacedRefund>>> ListSurfacedAsync(IPaymentStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListSurfacedRefundsAsync(MaxListed, cancellationToken));

    public static async Task<Ok<PaymentOrderView>> RetryAsync(string orderId, string refundId, RetryRefundRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length == 0) throw InputValidationException.For("reason", "Say why the refund is retried.");
        if (reason.Length > MaxReasonLength) throw InputValidationException.For("reason", $"The reason has at most {MaxReasonLength} characters.");
        if (!PaymentOrderId.TryGetAppointmentId(orderId, out _)) throw new NotFoundException("payment.not_found", $"There is no payment order {orderId}.");
        return TypedResults.Ok(await grains.GetGrain<IPaymentGrain>(orderId).RetryRefundAsync(refundId, user.Actor(), reason));
    }
}
