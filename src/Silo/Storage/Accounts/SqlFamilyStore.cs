using Dapper;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Accounts;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Storage.Accounts;

/// <summary>Account–patient links and accounts' bookings on either database; calls run on the thread pool because the SQLite driver blocks.</summary>
public sealed class SqlFamilyStore(IDbConnectionFactory connections) : IFamilyStore
{
    public Task<IReadOnlyList<FamilyMember>> LoadMembersAsync(string accountId, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<FamilyMember>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<MemberRow>(new CommandDefinition(
                "SELECT patient_id AS PatientId, relationship AS Relationship, added_at AS AddedAt FROM account_patients " +
                "WHERE account_id = @accountId ORDER BY added_at, patient_id", new { accountId }, cancellationToken: cancellationToken));
            return [.. rows.Select(r => new FamilyMember(r.PatientId, Enum.Parse<FamilyRelationship>(r.Relationship), AppointmentRow.FromUtc(r.AddedAt)))];
        }, cancellationToken);

    public Task AddMemberAsync(string accountId, FamilyMember member, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"{connections.Dialect.InsertOrIgnoreInto} account_patients (account_id, patient_id, relationship, added_at) VALUES (@accountId, @PatientId, @Relationship, @AddedAt)",
            new { accountId, member.PatientId, Relationship = member.Relationship.ToString(), AddedAt = AppointmentRow.Utc(member.AddedAt) },
            cancellationToken: cancellationToken));
    }, cancellationToken);

    public Task<bool> RemoveMemberAsync(string accountId, string patientId, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM account_patients WHERE account_id = @accountId AND patient_id = @patientId", new { accountId, patientId },
            cancellationToken: cancellationToken)) > 0;
    }, cancellationToken);

    public Task<IReadOnlyList<AccountBooking>> LoadBookingsSinceAsync(string actor, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<AccountBooking>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            // A creation row has no from_status. A move creates an appointment too, recorded as the account's, but it books nothing
            // new (the moved booking was counted when made), so an appointment that was rescheduled from another is left out.
            var rows = await connection.QueryAsync<BookingRow>(new CommandDefinition(
                "SELECT t.appointment_id AS AppointmentId, t.at AS At FROM appointment_audit t JOIN appointments a ON a.id = t.appointment_id " +
                "WHERE t.actor = @actor AND t.at >= @since AND t.from_status IS NULL AND a.rescheduled_from IS NULL",
                new { actor, since = AppointmentRow.Utc(since) }, cancellationToken: cancellationToken));
            return [.. rows.Select(r => new AccountBooking(r.AppointmentId, AppointmentRow.FromUtc(r.At)))];
        }, cancellationToken);

    private sealed class MemberRow
    {
        public string PatientId { get; set; } = "";
        public string Relationship { get; set; } = "";
        public DateTime AddedAt { get; set; }
    }

    private sealed class BookingRow
    {
        public string AppointmentId { get; set; } = "";
        public DateTime At { get; set; }
    }
}
