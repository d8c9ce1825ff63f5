using System.Net;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Silo.Payments;

namespace Hospital.Api.Apis;

/// <summary>
/// The sandbox gateway's cashier page, where a person pays, fails or walks away, as on a WeChat Pay / Alipay cashier. It is
/// the gateway's page, not our API, so it stays out of the OpenAPI document; it is anonymous, as a gateway's cashier is to us.
/// </summary>
public static class SandboxCashierApi
{
    public static IEndpointRouteBuilder MapSandboxCashierApi(this IEndpointRouteBuilder app)
    {
        var cashier = app.MapGroup("/sandbox/cashier").AllowAnonymous().ExcludeFromDescription();
        cashier.MapGet("/{orderId}", ShowCashierAsync);
        cashier.MapPost("/{orderId}", ActAsync);
        return app;
    }

    public static async Task<IResult> ShowCashierAsync(string orderId, SandboxGateway gateway) =>
        await gateway.FindAsync(orderId) is { } order
            ? Page("Sandbox cashier", $"""
                <p>{Html(order.Description)}</p>
                <p>Amount: <strong>{order.Amount:0.00} CNY</strong> · Status: {order.State}</p>
                <p>Medical insurance pays {order.Split.PooledFund:0.00} (pooled fund) + {order.Split.PersonalAccount:0.00} (personal account); you pay {order.Split.SelfPay:0.00}</p>
                <form method="post">
                  <button name="action" value="pay">Pay</button>
                  <button name="action" value="fail">Fail</button>
                  <button name="action" value="abandon">Abandon</button>
                </form>
                """)
            : NotFound(orderId);

    /// <summary>Pay or fail settles the order and the gateway notifies us; abandon leaves it unpaid until the hold expires.</summary>
    public static async Task<IResult> ActAsync(string orderId, HttpRequest http, SandboxGateway gateway)
    {
        if (await gateway.FindAsync(orderId) is null) return NotFound(orderId);
        var action = http.HasFormContentType ? (await http.ReadFormAsync(http.HttpContext.RequestAborted))["action"].ToString() : "";
        var outcome = action switch
        {
            "pay" => await gateway.PayAsync(orderId) ? $"Payment {(await gateway.FindAsync(orderId))!.State}." : "This order can no longer be paid.",
            "fail" => await gateway.FailAsync(orderId) ? "Payment failed." : "This order can no longer be paid.",
            "abandon" => "You left the cashier; the order stays unpaid.",
            _ => null,
        };
        return outcome is null
            ? Results.Content(Document("Sandbox cashier", "<p>Choose pay, fail or abandon.</p>"), "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest)
            : Page("Sandbox cashier", $"<p>{Html(outcome)}</p>");
    }

    private static IResult NotFound(string orderId) =>
        Results.Content(Document("Sandbox cashier", $"<p>No order {Html(orderId)}.</p>"), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    private static IResult Page(string title, string body) => Results.Content(Document(title, body), "text/html; charset=utf-8");

    private static string Document(string title, string body) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>";

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
