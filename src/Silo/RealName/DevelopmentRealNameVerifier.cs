using Hospital.Grains.Accounts;
using Microsoft.Extensions.Logging;

namespace Hospital.Silo.RealName;

/// <summary>
/// Checks nothing: every well-formed person is taken to own the phone given, and the log says so (masked). Development has
/// no carrier to ask; start-up refuses this verifier in Production, where it would let anyone register anyone.
/// </summary>
public sealed partial class DevelopmentRealNameVerifier(ILogger<DevelopmentRealNameVerifier> logger) : IRealNameVerifier
{
    public Task<bool> PhoneBelongsToAsync(RealNameClaim claim, CancellationToken cancellationToken = default)
    {
        LogAccepted(claim.ToString());
        return Task.FromResult(true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEVELOPMENT real-name check: accepted {PersonMasked} without asking a carrier")]
    private partial void LogAccepted(string personMasked);
}
