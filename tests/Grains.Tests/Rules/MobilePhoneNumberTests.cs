using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Rules;

public sealed class MobilePhoneNumberTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("19900001111")]
    [InlineData("15000000000")]
    public void IsValid_AcceptsMainlandMobiles(string phone) => Assert.True(MobilePhoneNumber.IsValid(phone));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12812345678")]
    [InlineData("1381234567")]
    [InlineData("138123456789")]
    [InlineData("+8613812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("13812345678\n")]
    [InlineData("1381234567a")]
    [InlineData("２3812345678")]
    public void IsValid_RejectsAnythingElse(string? phone) => Assert.False(MobilePhoneNumber.IsValid(phone));
}
