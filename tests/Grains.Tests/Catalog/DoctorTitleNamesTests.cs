using Hospital.Grains.Catalog;

namespace Hospital.Grains.Tests.Catalog;

public sealed class DoctorTitleNamesTests
{
    [Theory]
    [InlineData(DoctorTitle.ChiefPhysician, "主任医师")]
    [InlineData(DoctorTitle.AssociateChiefPhysician, "副主任医师")]
    [InlineData(DoctorTitle.AttendingPhysician, "主治医师")]
    [InlineData(DoctorTitle.ResidentPhysician, "住院医师")]
    public void ToChineseName_GivesTheTitleAsPrinted(DoctorTitle title, string expected) =>
        Assert.Equal(expected, title.ToChineseName());

    [Fact]
    public void ToChineseName_OfUnknownValue_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((DoctorTitle)99).ToChineseName());
}
