namespace Hospital.Api.Tests.Hospital;

public sealed class TestIdNumbersTests
{
    [Fact]
    public void CheckCharacter_OfTheKnownValidNumber_IsX() =>
        Assert.Equal('X', TestIdNumbers.CheckCharacter("11010519491231002"));

    [Fact]
    public void Number_ForThousandsOfIndexes_GivesDistinctEighteenCharacterNumbers()
    {
        var numbers = Enumerable.Range(0, 5000).Select(TestIdNumbers.Number).ToList();

        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Equal(18, n.Length));
    }
}
