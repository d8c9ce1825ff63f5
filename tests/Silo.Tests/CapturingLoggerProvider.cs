using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hospital.Silo.Tests;

/// <summary>Keeps every log entry in memory so tests can assert on them.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(_entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLog(logLevel, eventId.Id, formatter(state, exception)));
    }
}

/// <summary>One captured log entry.</summary>
public sealed record CapturedLog(LogLevel Level, int EventId, string Message);
