namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// Distinct, valid registrations for load runs: 18-character resident ID numbers with the GB 11643 MOD 11-2 check
/// character and mainland mobile numbers, the patient's own phone being the account's. The seed separates runs against one database.
/// </summary>
public static class SyntheticPatients
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>
    /// The index-th phone of a run: distinct masks (13d****dddd, shown as "138****5678") for up to 100,000 phones, since the
    /// outbox names a code's phone by its mask only (<see cref="OutboxCodes"/>); the seed picks the hidden digits.
    /// </summary>
    public static string Phone(int seed, int index) => $"13{index / 10_000 % 10}{seed % 10_000:D4}{index % 10_000:D4}";

    public static object Registration(int seed, int index, string phone)
    {
        var unique = (long)seed * 1_000_000 + index;
        var birth = new DateOnly(1950, 1, 1).AddDays((int)(unique / 1000 % 20000));
        var body = $"110101{birth:yyyyMMdd}{unique % 1000:D3}";
        return new { name = $"Load Patient {index}", idNumber = body + CheckCharacter(body), phone, relationship = "Self" };
    }

    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }
}
