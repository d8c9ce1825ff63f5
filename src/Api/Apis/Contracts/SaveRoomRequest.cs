namespace Hospital.Api.Apis.Contracts;

/// <summary>A consulting room of a department.</summary>
public sealed record SaveRoomRequest(int DepartmentId, string? Location);
