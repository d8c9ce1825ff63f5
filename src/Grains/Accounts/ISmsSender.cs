using Hospital.Grains.Abstractions.Accounts;

namespace Hospital.Grains.Accounts;

/// <summary>Delivers text messages to mobile phones. The provider is chosen by configuration (<c>Sms:Sender</c>).</summary>
public interface ISmsSender
{
    /// <summary>Sends a code for <paramref name="purpose"/>; returns once the provider has accepted it, throws when it refused.</summary>
    Task SendCodeAsync(SmsCodePurpose purpose, string phone, string code, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Sends a notice's text (reminders, no-shows, suspensions, waitlist offers); returns once the provider accepted it, throws when it refused.</summary>
    Task SendTextAsync(string phone, string text, CancellationToken cancellationToken = default);
}
