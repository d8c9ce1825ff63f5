using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace Hospital.Silo.Storage.Resilience;

/// <summary>
/// The node's one circuit breaker in front of its database (Polly). Every batch writer transaction and every load of a
/// slot pool is one outcome; every connection opened checks it. Only failures that say the database is unreachable or too slow count
/// (<see cref="ISqlDialect.IsUnavailable"/>), never a refused statement such as a duplicate key. Once open it refuses
/// work at once with <see cref="StorageUnavailableException"/> for <see cref="StorageCircuitBreakerOptions.BreakDuration"/>,
/// then lets one operation probe the database; its success closes the circuit.
/// </summary>
public sealed partial class StorageCircuit
{
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _state = new();
    private readonly TimeSpan _breakDuration;
    private readonly ILogger _logger;

    public StorageCircuit(IOptions<StorageCircuitBreakerOptions> options, ISqlDialect dialect, TimeProvider time, ILogger<StorageCircuit> logger)
    {
        var settings = options.Value;
        _breakDuration = settings.BreakDuration;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,
                StateProvider = _state,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(dialect.IsUnavailable),
                OnOpened = args => { LogOpened(args.BreakDuration, args.Outcome.Exception?.GetType().Name); return default; },
                OnClosed = _ => { LogClosed(); return default; },
            })
            .Build();
    }

    /// <summary>
    /// Refuses at once while the circuit is open, and otherwise records nothing: for opening a connection, which does no
    /// round trip (pooled connections are not reset), so its success says nothing about the database.
    /// </summary>
    public void ThrowIfOpen()
    {
        if (_state.CircuitState is CircuitState.Open or CircuitState.Isolated)
            throw new StorageUnavailableException("The database failed repeatedly; it is not tried again until the circuit's next probe.", _breakDuration);
    }

    /// <summary>Runs a synchronous database operation (the batch writer's thread) as one outcome of the circuit.</summary>
    public T Execute<T>(Func<T> operation)
    {
        try
        {
            return _pipeline.Execute(operation);
        }
        catch (BrokenCircuitException broken)
        {
            throw Refused(broken);
        }
    }

    /// <summary>Runs an asynchronous database operation as one outcome of the circuit.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async token => await operation(token), cancellationToken);
        }
        catch (BrokenCircuitException broken)
        {
            throw Refused(broken);
        }
    }

    private StorageUnavailableException Refused(BrokenCircuitException broken) =>
        new("The database failed repeatedly; it is not tried again until the circuit's next probe.", broken.RetryAfter ?? _breakDuration, broken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database circuit opened for {BreakDuration} after repeated failures (last: {ErrorType}); requests get 503 until a probe succeeds")]
    private partial void LogOpened(TimeSpan breakDuration, string? errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database circuit closed: a probe succeeded")]
    private partial void LogClosed();
}
