using System.Net.Http.Json;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Abuse;

/// <summary>
/// Bookings are real-name and non-transferable: the patient of an appointment never changes, whatever a request names.
/// </summary>
public abstract class NonTransferableContract(TestDatabaseFixture fixture) : AbuseContractBase(fixture)
{
    [ContractFact]
    public async Task Reschedule_NamingAnotherPatient_MovesTheBookingForItsOwnPatient()
    {
        var owner = await RegisterPatientAsync(1);
        var other = await RegisterPatientAsync(2);
        var booked = await BookAsync(TestCatalog.Session(1), owner);

        var request = WithToken(HttpMethod.Post, $"/api/appointments/{booked.Id}/reschedule", await AccountTokenAsync(),
            new { sessionId = TestCatalog.Session(2), patientId = other });
        request.Headers.Add("Idempotency-Key", "move-1");
        var moved = await Client.SendAsync(request);

        Assert.Equal("200", await AnswerAsync(moved));
        Assert.Equal(owner, (await moved.Content.ReadFromJsonAsync<AppointmentView>(Json))!.PatientId);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM appointments WHERE patient_id <> @owner", new { owner }));
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM appointments WHERE patient_id = @owner", new { owner }));
    }

    [ContractFact]
    public async Task Book_AnotherPatientWithTheSameIdempotencyKey_IsANewAppointment_AndTheFirstKeepsItsPatient()
    {
        var owner = await RegisterPatientAsync(1);
        var other = await RegisterPatientAsync(2);
        var first = await HoldAsync(TestCatalog.Session(1), owner, key: "same-key");

        var second = await HoldAsync(TestCatalog.Session(1), other, key: "same-key");

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(owner, await PatientOfAsync(first.Id));
        Assert.Equal(other, await PatientOfAsync(second.Id));
    }

    [ContractFact]
    public async Task Book_ForAPatientOfAnotherAccount_Is404_AndTakesNoSlot()
    {
        var owner = await RegisterPatientAsync(1);
        var (_, stranger) = await SignInAccountAsync(App, TestPhone(42));

        var refused = await Client.SendAsync(Booking(stranger, TestCatalog.Session(1), owner, "steal-1"));

        Assert.Equal("404 patient.not_found", await AnswerAsync(refused));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM appointments"));
    }

    private async Task<string> PatientOfAsync(string appointmentId)
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        return await Dapper.SqlMapper.QuerySingleAsync<string>(connection, "SELECT patient_id FROM appointments WHERE id = @appointmentId", new { appointmentId });
    }
}

public sealed class SqliteNonTransferableContract(SqliteDatabaseFixture fixture) : NonTransferableContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbNonTransferableContract(MariaDbDatabaseFixture fixture) : NonTransferableContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
