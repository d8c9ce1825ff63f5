using System.Text;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Infrastructure.Auth;

/// <summary>Refuses to start without a signing key strong enough for HS256, saying how to set one.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (Encoding.UTF8.GetByteCount(options.SigningKey) < AuthOptions.MinSigningKeyBytes)
            failures.Add($"Auth:SigningKey must be a secret of at least {AuthOptions.MinSigningKeyBytes} bytes, the same on every node " +
                         "(e.g. environment variable Auth__SigningKey=$(openssl rand -base64 48)); only Development has a default.");
        if (options.AccessTokenLifetime <= TimeSpan.Zero || options.RefreshTokenLifetime <= options.AccessTokenLifetime)
            failures.Add("Auth:AccessTokenLifetime must be positive and Auth:RefreshTokenLifetime longer than it.");
        if (options.ClockSkew < TimeSpan.Zero || string.IsNullOrWhiteSpace(options.Issuer))
            failures.Add("Auth:ClockSkew must not be negative and Auth:Issuer must be set.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
