using System.Text;
using Hospital.Silo.Payments;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Infrastructure.Payments;

/// <summary>Refuses to start without a sandbox callback secret strong enough for HMAC-SHA256, saying how to set one.</summary>
internal sealed class SandboxGatewayOptionsValidator : IValidateOptions<SandboxGatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxGatewayOptions options)
    {
        var failures = new List<string>();
        if (Encoding.UTF8.GetByteCount(options.Secret) < SandboxGatewayOptions.MinSecretBytes)
            failures.Add($"Payments:Sandbox:Secret must be a secret of at least {SandboxGatewayOptions.MinSecretBytes} bytes, the same on every node " +
                         "(e.g. environment variable Payments__Sandbox__Secret=$(openssl rand -base64 48)); only Development has a default.");
        if (!options.BaseUrl.IsAbsoluteUri)
            failures.Add("Payments:Sandbox:BaseUrl must be an absolute URL (our address as the gateway reaches it).");
        if (options.NotifyDelay < TimeSpan.Zero || options.DuplicateNotifications < 0 || options.DeliveryAttempts < 1
            || new[] { options.OutOfOrderRate, options.FailureRate, options.TimeoutRate, options.LostNotificationRate }.Any(r => r is < 0 or > 1))
            failures.Add("Payments:Sandbox: NotifyDelay and DuplicateNotifications must not be negative, DeliveryAttempts at least 1, and every rate 0 to 1.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
