using Hospital.Silo.Storage.MySql;
using Hospital.Silo.Storage.Resilience;
using Hospital.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hospital.Silo.Tests.Storage;

public sealed class StorageCircuitTests
{
    private static readonly StorageCircuitBreakerOptions Options = new();

    private readonly FakeTimeProvider _clock = new();
    private int _runs;

    [Fact]
    public void Execute_AfterRepeatedTimeouts_RefusesAtOnceWithoutTryingTheDatabase()
    {
        var circuit = Create();
        FailTimes(circuit, Options.MinimumThroughput, new TimeoutException("stalled"));

        var refused = Assert.Throws<StorageUnavailableException>(() => circuit.Execute(Run));

        Assert.Equal(Options.MinimumThroughput, _runs);
        Assert.Equal(Options.BreakDuration, refused.RetryAfter);
    }

    [Fact]
    public void Execute_OnceTheBreakIsOver_ProbesTheDatabase_AndASuccessClosesTheCircuit()
    {
        var circuit = Create();
        FailTimes(circuit, Options.MinimumThroughput, new TimeoutException("stalled"));

        _clock.Advance(Options.BreakDuration);
        circuit.Execute(Run);
        circuit.Execute(Run);

        Assert.Equal(Options.MinimumThroughput + 2, _runs);
    }

    [Fact]
    public void Execute_StatementsTheDatabaseRefused_NeverOpenTheCircuit()
    {
        var circuit = new StorageCircuit(Microsoft.Extensions.Options.Options.Create(Options), SqliteDialect.Instance, _clock,
            NullLogger<StorageCircuit>.Instance);
        FailTimes(circuit, Options.MinimumThroughput * 3, new SqliteException("UNIQUE constraint failed", 19));

        circuit.Execute(Run);

        Assert.Equal(Options.MinimumThroughput * 3 + 1, _runs);
    }

    private StorageCircuit Create() =>
        new(Microsoft.Extensions.Options.Options.Create(Options), MySqlDialect.Instance, _clock, NullLogger<StorageCircuit>.Instance);

    private int Run() => ++_runs;

    private void FailTimes(StorageCircuit circuit, int times, Exception error)
    {
        for (var i = 0; i < times; i++)
            Assert.Throws(error.GetType(), () => circuit.Execute<int>(() => { _runs++; throw error; }));
    }
}
