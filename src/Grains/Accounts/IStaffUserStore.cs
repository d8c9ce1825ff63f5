namespace Hospital.Grains.Accounts;

/// <summary>Staff users (table staff_users).</summary>
public interface IStaffUserStore
{
    /// <summary>The user with the normalized <paramref name="staffId"/>, or null.</summary>
    Task<StaffUser?> FindAsync(string staffId, CancellationToken cancellationToken = default);

    /// <summary>Adds a new user; false when the staff id is taken.</summary>
    Task<bool> TryAddAsync(StaffUser user, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="user"/> at <c>Version + 1</c> if the stored row is still at <c>user.Version</c>; otherwise throws <c>InconsistentStateException</c>.</summary>
    Task<StaffUser> UpdateAsync(StaffUser user, CancellationToken cancellationToken = default);

    /// <summary>Whether any hospital admin exists (the initial admin is created only while none does).</summary>
    Task<bool> AnyHospitalAdminAsync(CancellationToken cancellationToken = default);
}
