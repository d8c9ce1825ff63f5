using System.Diagnostics.Metrics;
using Hospital.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hospital.Silo.Tests.Storage;

/// <summary>A shared transaction writer for one test, measured by meters of its own (tests run in parallel).</summary>
internal static class TestSharedWriter
{
    public static SharedTransactionWriter For(IDbConnectionFactory connections, IMeterFactory? meters = null) =>
        new(connections, new SharedWriterMetrics(meters ?? NewMeters()), NullLogger<SharedTransactionWriter>.Instance);

    public static IMeterFactory NewMeters() => new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
}
