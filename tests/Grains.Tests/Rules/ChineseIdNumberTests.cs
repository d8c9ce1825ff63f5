using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Rules;

public sealed class ChineseIdNumberTests
{
    private static readonly DateOnly s_today = new(2026, 11, 22);

    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", Sex.Female)]
    [InlineData("44030419900307123X", "1990-03-07", Sex.Male)]
    [InlineData("31011520000229003X", "2000-02-29", Sex.Male)]
    [InlineData("510107202611220017", "2026-11-22", Sex.Male)]
    [InlineData("110105190012310018", "1900-12-31", Sex.Male)]
    public void TryParse_AcceptsValidNumbers_AndReadsBirthDateAndSex(string value, string birthDate, Sex sex)
    {
        Assert.True(ChineseIdNumber.TryParse(value, s_today, out var id, out var error), error);
        Assert.Equal(new ChineseIdNumber(value, DateOnly.Parse(birthDate), sex), id);
    }

    [Fact]
    public void TryParse_NormalisesLowercaseXAndSurroundingSpaces()
    {
        Assert.True(ChineseIdNumber.TryParse(" 11010519491231002x ", s_today, out var id, out _));
        Assert.Equal("11010519491231002X", id.Value);
    }

    [Theory]
    [InlineData(null, "18 characters")]
    [InlineData("1101051949123100", "18 characters")]
    [InlineData("11010519491231002X1", "18 characters")]
    [InlineData("11010519491231A02X", "first 17 characters")]
    [InlineData("11010519491231002Y", "last character")]
    [InlineData("01010519491231002X", "region code")]
    [InlineData("110105199902300010", "not a real date")]
    [InlineData("440304202611231238", "future")]
    [InlineData("110105189912310015", "before 1900")]
    [InlineData("110105194912310021", "check character")]
    public void TryParse_RejectsInvalidNumbers_WithAClearReason(string? value, string reasonPart)
    {
        Assert.False(ChineseIdNumber.TryParse(value, s_today, out var id, out var error));
        Assert.Null(id);
        Assert.Contains(reasonPart, error);
    }

    [Fact]
    public void Parse_OfAnInvalidNumber_ThrowsAValidationErrorForTheField()
    {
        var exception = Assert.Throws<InputValidationException>(() => ChineseIdNumber.Parse("110105194912310021", s_today, "patient.idNumber"));

        Assert.Contains("check character", Assert.Single(exception.Errors["patient.idNumber"]));
    }

    [Fact]
    public void Parse_OfAValidNumber_ReturnsIt() =>
        Assert.Equal(Sex.Female, ChineseIdNumber.Parse("11010519491231002X", s_today).Sex);

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("51010720261122001", '7')]
    [InlineData("11010519491231001", '1')]
    public void CheckCharacter_IsIso7064Mod11Of2(string first17, char expected) =>
        Assert.Equal(expected, ChineseIdNumber.CheckCharacter(first17));

    [Fact]
    public void CheckCharacter_NeedsExactlySeventeenDigits() =>
        Assert.Throws<ArgumentException>(() => ChineseIdNumber.CheckCharacter("123"));
}
