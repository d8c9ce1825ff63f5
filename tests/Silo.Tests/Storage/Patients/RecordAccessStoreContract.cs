using Hospital.Grains.Patients;
using Hospital.Silo.Storage.Patients;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Silo.Tests.Storage.Patients;

/// <summary>The audit of staff reading full records (patient_record_access) on every backend.</summary>
public abstract class RecordAccessStoreContract(TestDatabaseFixture fixture)
{
    private readonly SqlRecordAccessStore _store = new(fixture.Database.ConnectionFactory);
    private readonly string _patientId = $"P{Guid.NewGuid():N}"[..16];

    [ContractFact]
    public async Task Add_KeepsEveryAccessWithItsReasonInOrder()
    {
        var at = new DateTimeOffset(2026, 11, 20, 1, 30, 0, TimeSpan.Zero);
        RecordAccess[] accesses =
        [
            new(_patientId, "clerk.li", "窗口挂号核对身份 (identity check at the window)", at),
            new(_patientId, "chief", new string('因', 200), at.AddMinutes(5)),
        ];

        foreach (var access in accesses) await _store.AddAsync(access);
        await _store.AddAsync(accesses[0] with { PatientId = "Pother" });

        Assert.Equal(accesses, await _store.LoadAsync(_patientId));
    }
}

public sealed class SqliteRecordAccessStoreContract(SqliteDatabaseFixture fixture) : RecordAccessStoreContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbRecordAccessStoreContract(MariaDbDatabaseFixture fixture) : RecordAccessStoreContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
