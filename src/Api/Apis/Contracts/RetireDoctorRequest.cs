namespace Hospital.Api.Apis.Contracts;

/// <summary>Retire a doctor from <c>From</c> (default today, the hospital's date; never in the past), for a reason admins will read.</summary>
public sealed record RetireDoctorRequest(DateOnly? From, string? Reason);
