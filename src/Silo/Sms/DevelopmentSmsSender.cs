using Dapper;
using Hospital.Grains.Abstractions.Privacy;
using Hospital.Grains.Accounts;
using Hospital.Grains.Catalog;
using Hospital.Silo.Storage;
using Microsoft.Extensions.Logging;

namespace Hospital.Silo.Sms;

/// <summary>
/// Delivers nothing: writes each text to the log (masked phone) and to the notifications outbox, where developers and
/// tests read login codes. Never used in Production (start-up refuses it there).
/// </summary>
public sealed partial class DevelopmentSmsSender(IDbConnectionFactory connections, HospitalClock clock, ILogger<DevelopmentSmsSender> logger) : ISmsSender
{
    /// <summary>The outbox <c>kind</c> of a login code. Such rows have no appointment; patient_id holds the masked phone.</summary>
    public const string LoginCodeKind = "auth.sms_code";

    public async Task SendLoginCodeAsync(string phone, string code, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var masked = PersonalDataMask.Phone(phone);
        LogCode(masked, code, expiresAt);
        await Task.Run(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO notifications (patient_id, appointment_id, kind, message, created_at) VALUES (@masked, '', @kind, @message, @now)",
                new { masked, kind = LoginCodeKind, message = $"登录验证码 {code}，5 分钟内有效。Login code {code} for {masked}.", now = clock.GetUtcNow().UtcDateTime },
                cancellationToken: cancellationToken));
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEVELOPMENT SMS to {PhoneMasked}: login code {Code}, valid until {ExpiresAt}")]
    private partial void LogCode(string phoneMasked, string code, DateTimeOffset expiresAt);
}
