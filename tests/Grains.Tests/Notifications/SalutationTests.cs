using Hospital.Grains.Notifications;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Notifications;

/// <summary>How messages address a patient: family name and 女士/先生, a child's parent, never the full name.</summary>
public sealed class SalutationTests
{
    private static readonly DateOnly VisitDay = new(2026, 12, 7);

    [Theory]
    [InlineData("王秀英", Sex.Female, "1958-03-02", "王女士")]
    [InlineData("李明", Sex.Male, "1980-12-07", "李先生")]
    [InlineData("欧阳娜娜", Sex.Female, "1990-01-01", "欧阳女士")]
    [InlineData("司马光", Sex.Male, "1990-01-01", "司马先生")]
    [InlineData("张小宝", Sex.Male, "2015-06-01", "张小朋友的家长")]
    [InlineData("赵一", Sex.Female, "2008-12-08", "赵小朋友的家长")] // 18 only from tomorrow
    [InlineData("赵一", Sex.Female, "2008-12-07", "赵女士")]
    public void For_AddressesByFamilyName(string name, Sex sex, string birthDate, string expected) =>
        Assert.Equal(expected, Salutation.For(name, sex, DateOnly.Parse(birthDate), VisitDay));

    [Fact]
    public void FamilyName_OfACompoundFamilyNameAlone_IsItsFirstCharacter() =>
        Assert.Equal("欧", Salutation.FamilyName("欧阳"));
}
