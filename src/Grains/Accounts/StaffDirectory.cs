using System.Text.RegularExpressions;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Catalog;
using Microsoft.AspNetCore.Identity;

namespace Hospital.Grains.Accounts;

/// <summary>
/// Creates staff users. Every new user must change the initial password at first login: whoever chose it (an admin, an
/// operator's configuration) is not the user.
/// </summary>
public sealed partial class StaffDirectory(IStaffUserStore store, IPasswordHasher<StaffUser> hasher, HospitalClock clock)
{
    public const int MaxDisplayNameLength = 32;

    /// <summary>Creates the user; 400 naming each bad field, 409 <c>staff.exists</c> when the id is taken.</summary>
    public async Task<StaffIdentity> CreateAsync(NewStaffUser request, CancellationToken cancellationToken = default)
    {
        var staffId = StaffIdentity.Normalize(request.StaffId ?? "");
        Validate(request, staffId);
        var user = new StaffUser(staffId, request.DisplayName!.Trim(), request.Role!, Scope(request), request.Role == HospitalRoles.Doctor ? request.DoctorId : null,
            PasswordHash: "", MustChangePassword: true, FailedCount: 0, LockedUntil: null, Version: 1, CreatedAt: clock.GetUtcNow());
        user = user with { PasswordHash = hasher.HashPassword(user, request.InitialPassword!) };
        if (!await store.TryAddAsync(user, cancellationToken))
            throw new RuleConflictException("staff.exists", $"Staff id {staffId} is taken.");
        return user.Identity;
    }

    // Hospital admins are scoped everywhere: a department list would only mislead.
    private static IReadOnlyList<int> Scope(NewStaffUser request) =>
        request.Role == HospitalRoles.HospitalAdmin ? [] : (request.DepartmentIds ?? []).Distinct().Order().ToList();

    private static void Validate(NewStaffUser request, string staffId)
    {
        var errors = new Dictionary<string, string[]>();
        if (!StaffIdPattern().IsMatch(staffId))
            errors["staffId"] = ["A staff id has 2 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit."];
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > MaxDisplayNameLength)
            errors["displayName"] = [$"A display name is required (at most {MaxDisplayNameLength} characters)."];
        if (request.Role is null || !HospitalRoles.Staff.Contains(request.Role))
            errors["role"] = [$"The role is one of {string.Join(", ", HospitalRoles.Staff)}."];
        if (request.Role is HospitalRoles.DepartmentAdmin or HospitalRoles.Doctor or HospitalRoles.WindowClerk
            && (request.DepartmentIds is not { Count: > 0 } || request.DepartmentIds.Any(id => id <= 0)))
            errors["departmentIds"] = ["This role is scoped to departments: name at least one (positive ids)."];
        if (request.Role == HospitalRoles.Doctor && request.DoctorId is not > 0)
            errors["doctorId"] = ["A doctor's account names the doctor (a positive id)."];
        try
        {
            StaffPasswordPolicy.Check(request.InitialPassword, staffId, "initialPassword");
        }
        catch (InputValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors) errors[field] = messages;
        }
        if (errors.Count > 0) throw new InputValidationException(errors);
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{1,31}\z", RegexOptions.CultureInvariant)]
    private static partial Regex StaffIdPattern();
}
