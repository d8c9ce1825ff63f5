namespace Hospital.Grains.Appointments;

/// <summary>The doctor and department a stored session belongs to: what decides which staff may read it.</summary>
public sealed record SessionOwner(int DoctorId, int DepartmentId);
