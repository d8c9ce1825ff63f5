using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Privacy;

/// <summary>Refuses to start without a data key, saying how to make one.</summary>
internal sealed partial class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options) =>
        Base64Of32Bytes().IsMatch(options.DataKey)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Privacy:DataKey must be the base64 of 32 random bytes, the same on every node " +
                                         "(e.g. environment variable Privacy__DataKey=$(openssl rand -base64 32)); only Development has a default.");

    [GeneratedRegex("^[A-Za-z0-9+/]{43}=$")]
    private static partial Regex Base64Of32Bytes();
}
