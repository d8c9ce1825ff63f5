using Hospital.Grains.Abstractions.Errors;

namespace Hospital.Grains.Accounts;

/// <summary>What a staff password must be: long enough to resist guessing, short enough to hash cheaply, not the staff id.</summary>
public static class StaffPasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    /// <summary>Throws a 400 naming <paramref name="field"/> when <paramref name="password"/> breaks the policy.</summary>
    public static void Check(string? password, string staffId, string field)
    {
        if (password is null || password.Length is < MinLength or > MaxLength)
            throw InputValidationException.For(field, $"A password has {MinLength} to {MaxLength} characters.");
        if (string.Equals(password.Trim(), staffId, StringComparison.OrdinalIgnoreCase))
            throw InputValidationException.For(field, "A password must not be the staff id.");
    }
}
