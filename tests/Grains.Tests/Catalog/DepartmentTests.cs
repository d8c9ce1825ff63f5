using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Catalog;

public sealed class DepartmentTests
{
    public static TheoryData<string, Func<Department>> Invalid => new()
    {
        { "Id", () => new Department(-1, "眼科", "门诊楼3层", "") },
        { "Name", () => new Department(1, new string('眼', Department.MaxNameLength + 1), "门诊楼3层", "") },
        { "Name", () => new Department(1, "眼\n科", "门诊楼3层", "") },
        { "Location", () => new Department(1, "眼科", new string('x', Department.MaxLocationLength + 1), "") },
        { "Description", () => new Department(1, "眼科", "门诊楼3层", new string('x', Department.MaxDescriptionLength + 1)) },
        { "Description", () => new Department(1, "眼科", "门诊楼3层", "bell\u0007") },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Constructor_RejectsAFieldOutsideItsLimit_NamingTheField(string field, Func<Department> create) =>
        Assert.Equal(field, Assert.Throws<InvalidFieldException>(create).ParamName);

    [Fact]
    public void Constructor_AcceptsLineBreaksInTheDescriptionAndFieldsAtTheirLimits()
    {
        var department = new Department(int.MaxValue, new string('眼', 64), new string('x', 128), "第一行\n第二行");

        Assert.Equal(64, department.Name.Length);
    }
}
