namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>
/// Password checks of one staff id (the key, see <see cref="StaffIdentity.Normalize"/>). Non-reentrant: parallel guesses are
/// counted one after the other, and every count is also a version-checked write, so no guess goes uncounted.
/// </summary>
[Alias("Hospital.IStaffLoginGrain")]
public interface IStaffLoginGrain : IGrainWithStringKey
{
    /// <summary>Checks the password; 5 failures in a row lock the id for 15 minutes (configurable), during which every answer is a failure.</summary>
    [Alias("Login")]
    Task<StaffIdentity?> LoginAsync(string password);

    /// <summary>Replaces the password after checking the current one under the same lockout; clears the must-change flag.</summary>
    [Alias("ChangePassword")]
    Task<StaffIdentity?> ChangePasswordAsync(string currentPassword, string newPassword);
}
