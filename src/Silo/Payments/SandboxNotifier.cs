using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Catalog;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Payments;

/// <summary>
/// Sends the sandbox gateway's payment and refund notifications to our callback endpoints the way real gateways do: after a delay, signed, and
/// again with growing waits until the answer is the acknowledgement <c>{"code":"SUCCESS"}</c>. Duplicates, stale "failed"
/// notices after a payment or refund and lost notifications are injected as <see cref="SandboxGatewayOptions"/> says. Delivery waits
/// run on real time (the gateway is outside our clock); the signed timestamp is our clock's, as the two would agree.
/// </summary>
public sealed partial class SandboxNotifier(
    IHttpClientFactory clients, IOptions<SandboxGatewayOptions> options, HospitalClock time, ILogger<SandboxNotifier> logger)
{
    public const string ClientName = "sandbox-gateway";
    public const string CallbackPath = "/api/payments/callbacks/sandbox";
    public const string RefundCallbackPath = "/api/payments/callbacks/sandbox/refunds";

    public void Notify(GatewayPaymentResult result)
    {
        var settings = options.Value;
        if (Random.Shared.NextDouble() < settings.LostNotificationRate) return;
        var notices = Enumerable.Repeat(result, 1 + settings.DuplicateNotifications).ToList();
        if (result.State == GatewayPaymentState.Paid && Random.Shared.NextDouble() < settings.OutOfOrderRate)
            notices.Add(result with { State = GatewayPaymentState.Failed, TradeNo = null });
        _ = DeliverAllAsync(CallbackPath, result.OrderId, notices.Select(SandboxNotification.Of).Select(n => JsonSerializer.Serialize(n)).ToList(), settings);
    }

    /// <summary>A refund's outcome, with the same faults as payments: lost, duplicated, or a success followed by a stale failure.</summary>
    public void NotifyRefund(GatewayRefundResult result, PaymentPart part)
    {
        var settings = options.Value;
        if (Random.Shared.NextDouble() < settings.LostNotificationRate) return;
        var notices = Enumerable.Repeat(result, 1 + settings.DuplicateNotifications).ToList();
        if (result.State == RefundStatus.Succeeded && Random.Shared.NextDouble() < settings.OutOfOrderRate)
            notices.Add(result with { State = RefundStatus.Failed });
        _ = DeliverAllAsync(RefundCallbackPath, result.RefundId, notices.Select(n => SandboxRefundNotification.Of(n, part)).Select(n => JsonSerializer.Serialize(n)).ToList(), settings);
    }

    private async Task DeliverAllAsync(string path, string subject, IReadOnlyList<string> bodies, SandboxGatewayOptions settings)
    {
        try
        {
            if (settings.NotifyDelay > TimeSpan.Zero) await Task.Delay(settings.NotifyDelay);
            foreach (var body in bodies) await DeliverAsync(path, subject, body, settings);
        }
        catch (Exception e)
        {
            LogDeliveryFailed(e);
        }
    }

    private async Task DeliverAsync(string path, string subject, string body, SandboxGatewayOptions settings)
    {
        var wait = TimeSpan.FromSeconds(1);
        for (var attempt = 1; attempt <= settings.DeliveryAttempts; attempt++)
        {
            if (await TryDeliverAsync(path, body, settings)) return;
            await Task.Delay(wait);
            wait *= 2;
        }
        LogGaveUp(subject, settings.DeliveryAttempts);
    }

    private async Task<bool> TryDeliverAsync(string path, string body, SandboxGatewayOptions settings)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString();
        var nonce = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseUrl, path))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            Headers =
            {
                { SandboxSignature.TimestampHeader, timestamp },
                { SandboxSignature.NonceHeader, nonce },
                { SandboxSignature.SignatureHeader, SandboxSignature.Sign(settings.Secret, timestamp, nonce, body) },
            },
        };
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request);
            return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("code", out var code)
                   && code.GetString() == SandboxNotification.Success;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sandbox gateway gave up notifying {Subject} after {Attempts} attempts")]
    private partial void LogGaveUp(string subject, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "The sandbox gateway's notification delivery failed")]
    private partial void LogDeliveryFailed(Exception exception);
}
