using System.Security.Cryptography;
using System.Text;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Catalog;
using Hospital.Grains.Patients;
using Hospital.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hospital.Grains.Accounts;

/// <summary>
/// One phone's SMS codes for one purpose (<see cref="PhoneLoginKey"/>: logging in, or proving the phone to an account that adds
/// its holder as a patient). Non-reentrant (the default) on purpose: twenty simultaneous requests for a code are decided one
/// after another against the state the previous one wrote, so exactly one passes the resend interval. The state is written,
/// version-checked, before a code is sent: a node that lost the race fails instead of sending a second code.
/// </summary>
public sealed partial class PhoneLoginGrain(
    [PersistentState("phoneLogin", HospitalStorage.Name)] IPersistentState<PhoneLoginState> state,
    ISmsSender sender,
    IPersonalDataProtector protector,
    IOptions<SmsCodeOptions> options,
    HospitalTime hospitalTime,
    HospitalClock clock,
    ILogger<PhoneLoginGrain> logger) : Grain, IPhoneLoginGrain
{
    private string Key => this.GetPrimaryKeyString();

    public async Task<SmsCodeRequestResult> RequestCodeAsync(string phone)
    {
        var now = hospitalTime.Now(clock);
        var today = hospitalTime.DateOf(now);
        var code = SmsCodeGenerator.Next();
        var (result, next) = PhoneLoginRules.Issue(state.State, Hash(code), now, today, hospitalTime.At(today.AddDays(1), TimeOnly.MinValue), options.Value);
        if (next is null)
        {
            LogRefused(Key, result.Outcome);
            return result;
        }

        await SaveAsync(next);
        await sender.SendCodeAsync(PhoneLoginKey.PurposeOf(Key), phone, code, result.ExpiresAt!.Value);
        return result;
    }

    public async Task<SmsCodeCheck> VerifyCodeAsync(string code)
    {
        var (check, next) = PhoneLoginRules.Verify(state.State, Hash(code), hospitalTime.Now(clock), Same);
        if (next is not null) await SaveAsync(next);
        if (check.Verdict != SmsCodeVerdict.Accepted) LogRejected(Key, check.Verdict, check.TriesLeft);
        return check;
    }

    private async Task SaveAsync(PhoneLoginState next)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored, so not decided: the activation keeps what the database holds (a conflict deactivates it anyway).
            state.State = previous;
            throw;
        }
    }

    // Keyed with the hospital's data key and salted with this phone's key: a leaked row reveals neither the code nor
    // a code shared with another phone.
    private string Hash(string code) => protector.Fingerprint($"{Key}:{code}");

    private static bool Same(string stored, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(presented));

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS code for {PhoneKey} refused: {Outcome}")]
    private partial void LogRefused(string phoneKey, SmsCodeOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS code check for {PhoneKey}: {Verdict}, {TriesLeft} tries left")]
    private partial void LogRejected(string phoneKey, SmsCodeVerdict verdict, int triesLeft);
}
