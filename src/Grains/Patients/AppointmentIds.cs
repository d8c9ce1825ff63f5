using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.Patients;

/// <summary>
/// The id of a booking request, keyed with the hospital's secret (<see cref="AppointmentKey"/>): retries of one request
/// get one id, and nobody can derive an id from a patient id and an idempotency key they guessed.
/// </summary>
public sealed class AppointmentIds(IPersonalDataProtector protector)
{
    public string Of(string sessionId, string patientId, string idempotencyKey) =>
        AppointmentKey.Build(sessionId, protector.Fingerprint(AppointmentKey.Request(patientId, idempotencyKey)));
}
