namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>
/// The SMS login of one phone, keyed by <see cref="PhoneLoginKey"/> (a keyed fingerprint, never the number). Non-reentrant:
/// concurrent requests for one phone are decided one after the other, so they cannot both pass a limit.
/// </summary>
[Alias("Hospital.IPhoneLoginGrain")]
public interface IPhoneLoginGrain : IGrainWithStringKey
{
    /// <summary>Sends a new code to <paramref name="phone"/> unless one went out within the resend interval or the day's quota is used up.</summary>
    [Alias("RequestCode")]
    Task<SmsCodeRequestResult> RequestCodeAsync(string phone);

    /// <summary>Checks a code; the current code is used up by a match and by its last allowed wrong try.</summary>
    [Alias("VerifyCode")]
    Task<SmsCodeCheck> VerifyCodeAsync(string code);
}
