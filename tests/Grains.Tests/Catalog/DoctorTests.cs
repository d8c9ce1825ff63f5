using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Catalog;

/// <summary>A doctor's own checks keep every stored field within its column and within sane bounds.</summary>
public sealed class DoctorTests
{
    private static Doctor Valid() => new(1, 1, "王医生", DoctorTitle.ChiefPhysician, ["高血压", "冠心病"], 50m, "擅长高血压。", 4.5);

    public static TheoryData<string, Func<Doctor>> Invalid => new()
    {
        { "Id", () => new Doctor(-1, 1, "王医生", DoctorTitle.ChiefPhysician, [], 50m, "", 4) },
        { "DepartmentId", () => new Doctor(1, 0, "王医生", DoctorTitle.ChiefPhysician, [], 50m, "", 4) },
        { "Name", () => new Doctor(1, 1, new string('王', Doctor.MaxNameLength + 1), DoctorTitle.ChiefPhysician, [], 50m, "", 4) },
        { "Name", () => new Doctor(1, 1, "王\u0000医生", DoctorTitle.ChiefPhysician, [], 50m, "", 4) },
        { "Title", () => new Doctor(1, 1, "王医生", (DoctorTitle)99, [], 50m, "", 4) },
        { "Specialties", () => new Doctor(1, 1, "王医生", DoctorTitle.ChiefPhysician, ["a", "b", "c", "d", "e", "f"], 50m, "", 4) },
        { "Specialties", () => new Doctor(1, 1, "王医生", DoctorTitle.ChiefPhysician, [new string('心', Doctor.MaxSpecialtyLength + 1)], 50m, "", 4) },
        { "Specialties", () => new Doctor(1, 1, "王医生", DoctorTitle.ChiefPhysician, [" "], 50m, "", 4) },
        { "Fee", () => new Doctor(1, 1, "王医生", DoctorTitle.ChiefPhysician, [], -1m, "", 4) },
        { "Fee", () => new Doctor(1, 1, "王医生", DoctorTitle.ChiefPhysician, [], 10_000.01m, "", 4) },
        { "Fee", () => new Doctor(1, 1, "王医生", DoctorTitle.ChiefPhysician, [], 50.005m, "", 4) },
        { "Introduction", () => new Doctor(1, 1, "王医生", DoctorTitle.ChiefPhysician, [], 50m, new string('x', Doctor.MaxIntroductionLength + 1), 4) },
        { "Rating", () => new Doctor(1, 1, "王医生", DoctorTitle.ChiefPhysician, [], 50m, "", double.NaN) },
        { "Rating", () => new Doctor(1, 1, "王医生", DoctorTitle.ChiefPhysician, [], 50m, "", double.PositiveInfinity) },
        { "Rating", () => new Doctor(1, 1, "王医生", DoctorTitle.ChiefPhysician, [], 50m, "", 5.01) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Constructor_RejectsAFieldOutsideItsLimit_NamingTheField(string field, Func<Doctor> create) =>
        Assert.Equal(field, Assert.Throws<InvalidFieldException>(create).ParamName);

    [Fact]
    public void Constructor_KeepsValidFields() =>
        Assert.Equal((1, 50m, 4.5, 2), (Valid().Id, Valid().Fee, Valid().Rating, Valid().Specialties.Count));

    [Fact]
    public void Rejection_StatesTheLimitWithoutRuntimeDetails()
    {
        var error = Assert.Throws<InvalidFieldException>(() => new Doctor(1, 1, new string('王', 40), DoctorTitle.ChiefPhysician, [], 50m, "", 4));

        Assert.Equal("At most 32 characters; got 40.", error.Reason);
    }

    [Fact]
    public void MostSpecialties_FitTheirColumnAfterJsonEscaping()
    {
        // The storage JSON escapes each non-ASCII character as \uXXXX; the column is VARCHAR(512).
        var worst = Enumerable.Repeat(new string('\u5FC3', Doctor.MaxSpecialtyLength), Doctor.MaxSpecialties).ToArray();

        Assert.True(System.Text.Json.JsonSerializer.Serialize(worst).Length <= 512);
    }
}
