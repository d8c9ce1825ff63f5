using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Catalog;

public sealed class RoomTests
{
    public static TheoryData<string, Func<Room>> Invalid => new()
    {
        { "Code", () => new Room(new string('A', Room.MaxCodeLength + 1), 1, "门诊楼") },
        { "Code", () => new Room("2A\t01", 1, "门诊楼") },
        { "DepartmentId", () => new Room("2A-01", 0, "门诊楼") },
        { "Location", () => new Room("2A-01", 1, new string('x', Room.MaxLocationLength + 1)) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Constructor_RejectsAFieldOutsideItsLimit_NamingTheField(string field, Func<Room> create) =>
        Assert.Equal(field, Assert.Throws<InvalidFieldException>(create).ParamName);
}
