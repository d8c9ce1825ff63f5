using System.Data.Common;
using System.Globalization;
using Dapper;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Accounts;
using Hospital.Silo.Storage.SlotPools;
using Orleans.Storage;

namespace Hospital.Silo.Storage.Accounts;

/// <summary>Staff users on either database. Updates are conditioned on the version read, so no write overwrites another.</summary>
public sealed class SqlStaffUserStore(IDbConnectionFactory connections) : IStaffUserStore
{
    private const string Select =
        "SELECT staff_id AS StaffId, display_name AS DisplayName, role AS Role, department_ids AS DepartmentIds, doctor_id AS DoctorId, " +
        "password_hash AS PasswordHash, must_change_password AS MustChangePassword, failed_count AS FailedCount, locked_until AS LockedUntil, " +
        "version AS Version, created_at AS CreatedAt FROM staff_users";

    public Task<StaffUser?> FindAsync(string staffId, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Select + " WHERE staff_id = @staffId", new { staffId }, cancellationToken: cancellationToken));
        return row?.ToUser();
    }, cancellationToken);

    public Task<bool> TryAddAsync(StaffUser user, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO staff_users (staff_id, display_name, role, department_ids, doctor_id, password_hash, must_change_password, failed_count, " +
                "locked_until, version, created_at) VALUES (@StaffId, @DisplayName, @Role, @DepartmentIds, @DoctorId, @PasswordHash, @MustChangePassword, " +
                "@FailedCount, @LockedUntil, @Version, @CreatedAt)", Parameters(user), cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException e) when (connections.Dialect.IsDuplicateKey(e))
        {
            return false;
        }
    }, cancellationToken);

    public Task<StaffUser> UpdateAsync(StaffUser user, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        var next = user with { Version = user.Version + 1 };
        var parameters = new DynamicParameters(Parameters(next));
        parameters.Add("Expected", user.Version);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_users SET display_name = @DisplayName, role = @Role, department_ids = @DepartmentIds, doctor_id = @DoctorId, " +
            "password_hash = @PasswordHash, must_change_password = @MustChangePassword, failed_count = @FailedCount, locked_until = @LockedUntil, " +
            "version = @Version WHERE staff_id = @StaffId AND version = @Expected",
            parameters, cancellationToken: cancellationToken));
        return updated == 1
            ? next
            : throw new InconsistentStateException($"Staff user {user.StaffId} changed since version {user.Version} was read.");
    }, cancellationToken);

    public Task<bool> AnyHospitalAdminAsync(CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM staff_users WHERE role = @role", new { role = HospitalRoles.HospitalAdmin }, cancellationToken: cancellationToken)) > 0;
    }, cancellationToken);

    private static object Parameters(StaffUser user) => new
    {
        user.StaffId, user.DisplayName, user.Role, DepartmentIds = string.Join(',', user.DepartmentIds), user.DoctorId, user.PasswordHash,
        user.MustChangePassword, user.FailedCount, LockedUntil = AppointmentRow.Utc(user.LockedUntil), user.Version, CreatedAt = AppointmentRow.Utc(user.CreatedAt),
    };

    private sealed class Row
    {
        public string StaffId { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Role { get; set; } = "";
        public string DepartmentIds { get; set; } = "";
        public long? DoctorId { get; set; }
        public string PasswordHash { get; set; } = "";
        public bool MustChangePassword { get; set; }
        public long FailedCount { get; set; }
        public DateTime? LockedUntil { get; set; }
        public long Version { get; set; }
        public DateTime CreatedAt { get; set; }

        public StaffUser ToUser() => new(StaffId, DisplayName, Role,
            DepartmentIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList(),
            DoctorId is { } doctor ? (int)doctor : null, PasswordHash, MustChangePassword, (int)FailedCount,
            LockedUntil is { } until ? AppointmentRow.FromUtc(until) : null, Version, AppointmentRow.FromUtc(CreatedAt));
    }
}
