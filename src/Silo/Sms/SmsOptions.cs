namespace Hospital.Silo.Sms;

/// <summary>Which SMS provider delivers texts (section "Sms"), validated at start.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>The name of the development sender, which writes texts to the log and to the notifications outbox.</summary>
    public const string DevelopmentSender = "Development";

    /// <summary>
    /// The provider: <see cref="DevelopmentSender"/> (appsettings.Development.json sets it; refused in Production, where it
    /// would log login codes), or unset, in which case code requests answer 503 <c>sms.unavailable</c>. A real provider
    /// adds its name here and its own section of settings.
    /// </summary>
    public string? Sender { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Sender);
}
