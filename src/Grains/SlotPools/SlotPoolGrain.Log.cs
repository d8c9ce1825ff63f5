using Microsoft.Extensions.Logging;

namespace Hospital.Grains.SlotPools;

public sealed partial class SlotPoolGrain
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{SessionId} committed version {Version}: {Inserted} new, {Updated} changed appointments")]
    private partial void LogBatchCommitted(string sessionId, long version, int inserted, int updated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{SessionId} stopped by the hospital; {Cancelled} appointments cancelled")]
    private partial void LogSessionStopped(string sessionId, int cancelled);

    [LoggerMessage(Level = LogLevel.Information, Message = "{SessionId} offered returned slot {SlotNo} to waitlist place {Seq}")]
    private partial void LogOffered(string sessionId, int slotNo, long seq);
}
