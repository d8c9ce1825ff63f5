using Hospital.Grains.Abstractions.Runtime;
using Microsoft.Extensions.Logging;

namespace Hospital.Silo.Runtime.Catalog;

/// <summary>The activation's log messages (source-generated: no allocation when the level is off).</summary>
internal sealed partial class ActivationData
{
    private static partial class Log
    {
        [LoggerMessage(1001, LogLevel.Warning, "{GrainId} ran a {WorkItem} turn for {DurationMs:0} ms, longer than the warning threshold")]
        public static partial void LongTurn(ILogger logger, GrainId grainId, double durationMs, string workItem);

        [LoggerMessage(1002, LogLevel.Error, "{GrainId} failed to activate; its queued calls fail with the same error")]
        public static partial void ActivationFailed(ILogger logger, Exception error, GrainId grainId);

        [LoggerMessage(1003, LogLevel.Warning, "{GrainId} failed in OnDeactivateAsync ({Reason}); it is collected anyway")]
        public static partial void DeactivationFailed(ILogger logger, Exception error, GrainId grainId, DeactivationReason reason);

        [LoggerMessage(1004, LogLevel.Warning, "{GrainId} failed to dispose its service scope")]
        public static partial void ScopeDisposeFailed(ILogger logger, Exception error, GrainId grainId);

        [LoggerMessage(1005, LogLevel.Debug, "{GrainId} deactivated ({Reason})")]
        public static partial void Deactivated(ILogger logger, GrainId grainId, DeactivationReason reason);

        [LoggerMessage(1006, LogLevel.Warning, "{GrainId} timer tick failed; the timer keeps running")]
        public static partial void TimerTickFailed(ILogger logger, Exception error, GrainId grainId);
    }

    /// <summary>Logs a failed timer tick (called by the timer, on the scheduler).</summary>
    public void LogTimerTickFailed(Exception error) => Log.TimerTickFailed(_logger, error, GrainId);
}
