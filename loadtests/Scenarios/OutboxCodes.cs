using System.Text.RegularExpressions;
using Dapper;
using Hospital.Grains.Abstractions.Privacy;
using Hospital.Silo.Sms;
using Hospital.Silo.Storage;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// How the runner's phones receive their login codes: from the notifications outbox, where the API's development SMS sender
/// (Sms:Sender=Development, which scripts/run-api.sh sets) writes each code under the phone's mask. The runner gives every
/// phone of a run its own mask (<see cref="SyntheticPatients.Phone"/>), so the latest row of a mask is that phone's code.
/// </summary>
public sealed partial class OutboxCodes(IDbConnectionFactory connections)
{
    public async Task<string?> LatestAsync(string phone, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var message = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
            "SELECT message FROM notifications WHERE kind = @kind AND patient_id = @masked ORDER BY id DESC LIMIT 1",
            new { kind = DevelopmentSmsSender.LoginCodeKind, masked = PersonalDataMask.Phone(phone) }, cancellationToken: cancellationToken));
        return message is null ? null : SixDigits().Match(message).Value;
    }

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}
