using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Catalog;
using Hospital.Silo.Payments;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Tests.Payments;

/// <summary>The sandbox gateway's notifications: signed, each with its own nonce, duplicated and out of order when asked, retried until acknowledged.</summary>
public sealed class SandboxNotifierTests
{
    private const string Secret = "sandbox-notifier-tests-secret-0123456789";
    private static readonly GatewayPaymentResult Paid = new("D0042-20261124-AM.3f9a1c2b7d4e5f60.pay", GatewayPaymentState.Paid, "SBX1", 50m);

    [Fact]
    public async Task Notify_WithDuplicatesAndOutOfOrder_SendsEachSignedWithItsOwnNonce_TheStaleFailureLast()
    {
        var callback = new RecordingCallback(failFirst: 0);
        Notifier(callback, new SandboxGatewayOptions { Secret = Secret, DuplicateNotifications = 2, OutOfOrderRate = 1 }).Notify(Paid);

        var received = await callback.WaitForAsync(4);

        Assert.Equal(["SUCCESS", "SUCCESS", "SUCCESS", "FAILED"], received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("trade_state").GetString()));
        Assert.Equal(4, received.Select(r => r.Nonce).Distinct().Count());
        Assert.All(received, r => Assert.True(SandboxSignature.IsValid(Secret, r.Timestamp, r.Nonce, r.Body, r.Signature)));
    }

    [Fact]
    public async Task NotifyRefund_WithDuplicatesAndOutOfOrder_PostsSignedRefundNotices_ToTheRefundCallback_TheStaleFailureLast()
    {
        var callback = new RecordingCallback(failFirst: 0);
        var refunded = new GatewayRefundResult(Paid.OrderId, "rf-D0042-20261124-AM.3f9a1c2b7d4e5f60.PooledFund", RefundStatus.Succeeded, 20m);
        Notifier(callback, new SandboxGatewayOptions { Secret = Secret, DuplicateNotifications = 1, OutOfOrderRate = 1 }).NotifyRefund(refunded, PaymentPart.PooledFund);

        var received = await callback.WaitForAsync(3);

        var bodies = received.Select(r => JsonSerializer.Deserialize<SandboxRefundNotification>(r.Body)!).ToList();
        Assert.Equal(["SUCCESS", "SUCCESS", "FAILED"], bodies.Select(b => b.RefundState));
        Assert.All(bodies, b => Assert.Equal((refunded.OrderId, refunded.RefundId, "PooledFund", 20m), (b.OrderId, b.RefundId, b.Part!, b.Amount)));
        Assert.All(received, r => Assert.Equal(SandboxNotifier.RefundCallbackPath, r.Path));
        Assert.All(received, r => Assert.True(SandboxSignature.IsValid(Secret, r.Timestamp, r.Nonce, r.Body, r.Signature)));
    }

    [Fact]
    public async Task Notify_UntilAcknowledged_RetriesThenStops()
    {
        var callback = new RecordingCallback(failFirst: 1);
        Notifier(callback, new SandboxGatewayOptions { Secret = Secret }).Notify(Paid);

        var received = await callback.WaitForAsync(2);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Equal(2, callback.Count);
        Assert.Equal(received[0].Body, received[1].Body);
    }

    private static SandboxNotifier Notifier(RecordingCallback callback, SandboxGatewayOptions options) =>
        new(new OneClientFactory(callback), Options.Create(options), HospitalClock.RealTime, NullLogger<SandboxNotifier>.Instance);

    private sealed record Received(string Path, string Timestamp, string Nonce, string Signature, string Body);

    /// <summary>Our callback endpoint as the gateway meets it: refuses the first few deliveries, then acknowledges.</summary>
    private sealed class RecordingCallback(int failFirst) : HttpMessageHandler
    {
        private readonly ConcurrentQueue<Received> _received = new();

        public int Count => _received.Count;

        public async Task<IReadOnlyList<Received>> WaitForAsync(int count)
        {
            for (var waited = 0; _received.Count < count && waited < 100; waited++) await Task.Delay(100);
            return [.. _received];
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string Header(string name) => request.Headers.GetValues(name).Single();
            _received.Enqueue(new Received(request.RequestUri!.AbsolutePath, Header(SandboxSignature.TimestampHeader), Header(SandboxSignature.NonceHeader),
                Header(SandboxSignature.SignatureHeader), await request.Content!.ReadAsStringAsync(cancellationToken)));
            var acknowledged = _received.Count > failFirst;
            return new HttpResponseMessage(acknowledged ? HttpStatusCode.OK : HttpStatusCode.InternalServerError)
            {
                Content = new StringContent(acknowledged ? """{"code":"SUCCESS"}""" : """{"code":"storage.unavailable"}""", Encoding.UTF8, "application/json"),
            };
        }
    }

    private sealed class OneClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
