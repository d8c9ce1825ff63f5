using System.Security.Cryptography;
using System.Text;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Catalog;
using Hospital.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hospital.Grains.Accounts;

/// <summary>
/// Counts an account's wrong visit codes per day. Non-reentrant (the default): a wrong try is written, version-checked, before
/// it is answered, so parallel tries each see the count the previous one left and no burst passes the limit.
/// </summary>
public sealed partial class VisitCodeTriesGrain(
    [PersistentState("visitCodeTries", HospitalStorage.Name)] IPersistentState<VisitCodeTriesState> state,
    IOptions<VisitCodeOptions> options,
    HospitalTime hospitalTime,
    HospitalClock clock,
    ILogger<VisitCodeTriesGrain> logger) : Grain, IVisitCodeTriesGrain
{
    public async Task<VisitCodeCheck> CheckAsync(string? expectedHash, string presentedHash)
    {
        var now = hospitalTime.Now(clock);
        var today = hospitalTime.DateOf(now);
        var wrongToday = state.State.Day == today ? state.State.Wrong : 0;
        if (wrongToday >= options.Value.WrongTriesPerDay)
            return new VisitCodeCheck(VisitCodeVerdict.TooManyTries, hospitalTime.At(today.AddDays(1), TimeOnly.MinValue) - now);
        if (expectedHash is not null && Same(expectedHash, presentedHash)) return new VisitCodeCheck(VisitCodeVerdict.Accepted, TimeSpan.Zero);

        // Counted in memory before it is stored: a write that fails leaves the activation stricter than the database, never laxer.
        state.State = new VisitCodeTriesState { Day = today, Wrong = wrongToday + 1 };
        await state.WriteStateAsync();
        LogWrong(this.GetPrimaryKeyString(), wrongToday + 1);
        return new VisitCodeCheck(VisitCodeVerdict.Wrong, TimeSpan.Zero);
    }

    private static bool Same(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(presented));

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} presented a wrong visit code, {WrongToday} today")]
    private partial void LogWrong(string accountId, int wrongToday);
}
