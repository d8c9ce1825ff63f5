using Hospital.Grains.Patients;
using Hospital.Silo.Privacy;
using Microsoft.Extensions.Options;

namespace Hospital.TestSupport.Hospital;

/// <summary>Appointment ids as the hospital's grains build them under the tests' data key, for tests that call pools directly.</summary>
public static class TestAppointmentIds
{
    private static readonly AppointmentIds Ids =
        new(new AesGcmPersonalDataProtector(Options.Create(new PrivacyOptions { DataKey = HospitalTestSettings.TestDataKey })));

    public static string Of(string sessionId, string patientId, string idempotencyKey) => Ids.Of(sessionId, patientId, idempotencyKey);
}
