namespace Hospital.Api.Apis.Contracts;

/// <summary>
/// Who the token belongs to: a patient account (masked phone) or a staff user (role and scope). Fields of the other kind are null.
/// </summary>
public sealed record MeResponse(
    string Kind, string Id, string? PhoneMasked, string? DisplayName, string? Role, IReadOnlyList<int>? DepartmentIds, int? DoctorId, bool MustChangePassword);
