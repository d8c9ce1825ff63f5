namespace Hospital.Api.Tests.Hospital;

/// <summary>Valid, distinct resident ID numbers (GB 11643: region, birth date, sequence, MOD 11-2 check character).</summary>
public static class TestIdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The <paramref name="index"/>-th number: Beijing Chaoyang, born on a day from 1950 on, sequence 001-999.</summary>
    public static string Number(int index)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(index / 999);
        var body = $"110105{birth:yyyyMMdd}{index % 999 + 1:D3}";
        return body + CheckCharacter(body);
    }

    public static char CheckCharacter(string first17) =>
        CheckCharacters[first17.Select((digit, i) => (digit - '0') * Weights[i]).Sum() % 11];
}
