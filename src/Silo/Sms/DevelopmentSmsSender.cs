using Dapper;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Privacy;
using Hospital.Grains.Accounts;
using Hospital.Grains.Catalog;
using Hospital.Silo.Storage;
using Microsoft.Extensions.Logging;

namespace Hospital.Silo.Sms;

/// <summary>
/// Delivers nothing: writes each text to the log (masked phone), and each code also to the notifications outbox, where
/// developers and tests read the codes (as sent: the dispatcher has nothing left to do with them). Never used in
/// Production (start-up refuses it there).
/// </summary>
public sealed partial class DevelopmentSmsSender(IDbConnectionFactory connections, HospitalClock clock, ILogger<DevelopmentSmsSender> logger) : ISmsSender
{
    /// <summary>The outbox <c>kind</c> of a login code. Such rows have no appointment; patient_id holds the masked phone.</summary>
    public const string LoginCodeKind = "auth.sms_code";

    /// <summary>The outbox <c>kind</c> of a code that lets an account add the phone's holder as a patient.</summary>
    public const string PatientCodeKind = "patient.sms_code";

    public async Task SendCodeAsync(SmsCodePurpose purpose, string phone, string code, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var masked = PersonalDataMask.Phone(phone);
        var (kind, message) = purpose == SmsCodePurpose.AddPatient
            ? (PatientCodeKind, $"验证码 {code}：有人正把您添加为就诊人，5 分钟内有效，非本人操作请勿告知。Code {code} adds {masked} as a patient to an account.")
            : (LoginCodeKind, $"登录验证码 {code}，5 分钟内有效。Login code {code} for {masked}.");
        LogCode(purpose, masked, code, expiresAt);
        await Task.Run(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO notifications (patient_id, appointment_id, kind, message, created_at, sent_at) VALUES (@masked, '', @kind, @message, @now, @now)",
                new { masked, kind, message, now = clock.GetUtcNow().UtcDateTime },
                cancellationToken: cancellationToken));
        }, cancellationToken);
    }

    public Task SendTextAsync(string phone, string text, CancellationToken cancellationToken = default)
    {
        LogText(PersonalDataMask.Phone(phone), text);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DEVELOPMENT SMS to {PhoneMasked}: {Text}")]
    private partial void LogText(string phoneMasked, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEVELOPMENT SMS to {PhoneMasked}: {Purpose} code {Code}, valid until {ExpiresAt}")]
    private partial void LogCode(SmsCodePurpose purpose, string phoneMasked, string code, DateTimeOffset expiresAt);
}
