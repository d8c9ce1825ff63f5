using System.Globalization;
using Dapper;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Patients;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Storage.Patients;

/// <summary>Suspension lifts on either database; calls run on the thread pool because the SQLite driver blocks.</summary>
public sealed class SqlSuspensionLiftStore(IDbConnectionFactory connections) : ISuspensionLiftStore
{
    public Task<DateTimeOffset?> LastLiftedAtAsync(string patientId, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var at = await connection.QueryFirstOrDefaultAsync<DateTime?>(new CommandDefinition(
            "SELECT at FROM suspension_lifts WHERE patient_id = @patientId ORDER BY id DESC LIMIT 1", new { patientId }, cancellationToken: cancellationToken));
        return at is { } utc ? AppointmentRow.FromUtc(utc) : (DateTimeOffset?)null;
    }, cancellationToken);

    public Task AppendAsync(string patientId, SuspensionLift lift, NotificationRecord notice, CancellationToken cancellationToken = default) => Task.Run(() =>
    {
        using var transaction = CommandTransaction.Begin(connections);
        var connection = transaction.Connection;
        connection.Execute(
            "INSERT INTO suspension_lifts (patient_id, cause, suspended_until, reason, actor, at) VALUES (@patientId, @Cause, @Until, @Reason, @Actor, @At)",
            new
            {
                patientId, Cause = lift.Lifted.Cause.ToString(), Until = lift.Lifted.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                lift.Reason, lift.Actor, At = AppointmentRow.Utc(lift.At),
            });
        connection.Execute("INSERT INTO notifications (patient_id, appointment_id, kind, message, created_at) VALUES (@PatientId, @AppointmentId, @Kind, @Message, @CreatedAt)",
            new { notice.PatientId, notice.AppointmentId, notice.Kind, notice.Message, CreatedAt = AppointmentRow.Utc(notice.CreatedAt) });
        transaction.Commit();
    }, cancellationToken);
}
