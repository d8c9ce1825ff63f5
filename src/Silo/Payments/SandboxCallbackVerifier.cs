using System.Globalization;
using Hospital.Grains.Catalog;
using Hospital.Grains.Payments;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Payments;

/// <summary>
/// Decides whether a callback really comes from the sandbox gateway, once: signed with the shared secret, stamped within
/// <see cref="Window"/> of our clock (either way), and with a nonce not seen in that window. The nonce is recorded only after
/// the signature holds, so forged requests cannot use up nonces; the payment sweep forgets them once out of the window.
/// </summary>
public sealed class SandboxCallbackVerifier(IPaymentStore store, IOptions<SandboxGatewayOptions> options, HospitalClock time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Null when the callback is genuine and new; otherwise why it is refused.</summary>
    public async Task<string?> RefusalAsync(string? timestamp, string? nonce, string? signature, string body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(signature) || nonce.Length > 64)
            return "missing or malformed signature headers";
        var now = time.GetUtcNow();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Window)
            return "timestamp outside the 5-minute window";
        if (!SandboxSignature.IsValid(options.Value.Secret, timestamp, nonce, body, signature)) return "signature does not match";
        return await store.TryUseNonceAsync(nonce, now, cancellationToken) ? null : "nonce already used (replay)";
    }
}
