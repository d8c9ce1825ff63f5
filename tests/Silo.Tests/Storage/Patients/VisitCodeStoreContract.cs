using Hospital.Grains.Patients;
using Hospital.Silo.Storage.Patients;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Silo.Tests.Storage.Patients;

/// <summary>Visit codes (patient_visit_codes) on every backend: one per patient, the first of two simultaneous issues wins, rotation replaces.</summary>
public abstract class VisitCodeStoreContract(TestDatabaseFixture fixture)
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 11, 20, 1, 30, 0, TimeSpan.Zero);
    private readonly SqlVisitCodeStore _store = new(fixture.Database.ConnectionFactory);
    private readonly string _patientId = $"P{Guid.NewGuid():N}"[..16];

    [ContractFact]
    public async Task Find_WhenThePatientHasNoCode_ReturnsNull() => Assert.Null(await _store.FindAsync(_patientId));

    [ContractFact]
    public async Task AddOrGet_TwentyIssuesAtOnce_KeepOneCodeThatEveryCallerGetsBack()
    {
        var candidates = Enumerable.Range(0, 20).Select(i => new StoredVisitCode(_patientId, $"hash-{i}", $"protected-{i}", IssuedAt.AddSeconds(i))).ToList();

        var answers = await Task.WhenAll(candidates.Select(c => Task.Run(() => _store.AddOrGetAsync(c))));

        var kept = await _store.FindAsync(_patientId);
        Assert.Contains(kept, candidates);
        Assert.All(answers, answer => Assert.Equal(kept, answer));
    }

    [ContractFact]
    public async Task Replace_TakesThePlaceOfTheCodeAndAddsAFirstOne()
    {
        var first = new StoredVisitCode(_patientId, "hash-1", "protected-1", IssuedAt);
        var rotated = new StoredVisitCode(_patientId, "hash-2", "protected-2", IssuedAt.AddDays(1));

        await _store.ReplaceAsync(first);
        var afterFirst = await _store.FindAsync(_patientId);
        await _store.ReplaceAsync(rotated);

        Assert.Equal((first, rotated), (afterFirst, await _store.FindAsync(_patientId)));
    }
}

public sealed class SqliteVisitCodeStoreContract(SqliteDatabaseFixture fixture) : VisitCodeStoreContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbVisitCodeStoreContract(MariaDbDatabaseFixture fixture) : VisitCodeStoreContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
