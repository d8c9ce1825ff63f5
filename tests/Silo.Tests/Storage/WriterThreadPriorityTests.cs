using System.Diagnostics.Metrics;
using Hospital.Silo.Storage.Sqlite;
using Hospital.Silo.Storage.SlotPools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hospital.Silo.Tests.Storage;

/// <summary>The batch writer's thread runs at a raised priority where the process may raise it, and says so where it may not.</summary>
public sealed class WriterThreadPriorityTests : IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ServiceProvider _services;

    public WriterThreadPriorityTests() =>
        _services = new ServiceCollection().AddMetrics().AddLogging(builder => builder.AddProvider(_logs)).BuildServiceProvider();

    [Fact]
    public async Task WriterThread_RunsAtRaisedNice_OrLogsWhyNot()
    {
        var factory = new SqliteConnectionFactory($"Data Source={Path.Combine(Path.GetTempPath(), $"priority-{Guid.NewGuid():N}.db")}");
        await using var writer = new SlotPoolBatchWriter(factory, new BatchWriterMetrics(_services.GetRequiredService<IMeterFactory>()),
            _services.GetRequiredService<ILogger<SlotPoolBatchWriter>>());
        int? nice = null;

        // The seal runs on the writer's own thread: the probe reads that thread's nice value there and refuses the batch.
        var probe = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(() =>
        {
            nice = NiceOfCurrentThread();
            throw new InvalidOperationException("probe only");
        }));

        Assert.Equal("probe only", probe.Message);
        var loggedDefault = _logs.Entries.Any(e => e.Level == LogLevel.Information && e.Message.Contains("default thread priority"));
        // Root may always raise it; another user may too when its RLIMIT_NICE allows, and otherwise must say it did not.
        if (Environment.IsPrivilegedProcess) Assert.False(loggedDefault);
        Assert.Equal(loggedDefault ? 0 : WriterThreadPriority.Nice, nice);
    }

    public void Dispose() => _services.Dispose();

    /// <summary>Field 19 of /proc/thread-self/stat; fields are counted after the name, which is in parentheses and may hold spaces.</summary>
    private static int NiceOfCurrentThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3]);
    }
}
