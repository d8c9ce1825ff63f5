using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Api.Apis.Contracts;

/// <summary>A session's queue for its doctor: who is called now, who is in a visit, and who waits, in calling order.</summary>
public sealed record QueueResponse(string SessionId, QueuePatientResponse? Calling, IReadOnlyList<QueuePatientResponse> InVisit,
    IReadOnlyList<QueuePatientResponse> Waiting);

/// <summary>One checked-in patient; the name is masked (王*明). Late: checked in after the slot's start. MissedOnce: missed one call (过号).</summary>
public sealed record QueuePatientResponse(string AppointmentId, int SlotNo, string PatientName, BookingChannel Channel, AppointmentStatus Status,
    bool Late, bool MissedOnce);
