namespace Hospital.Api.Apis.Contracts;

/// <summary>A doctor's weekly session: room, quota, slot length (at most 30 minutes), and the shares kept for window/phone and add-ons.</summary>
public sealed record SaveTemplateRequest(string? Room, int Quota, int SlotMinutes, decimal PhoneWindowShare, decimal DoctorAddOnShare);
