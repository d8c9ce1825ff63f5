using Hospital.Grains.Catalog;
using Hospital.Grains.Demo;

namespace Hospital.Grains.Tests.Demo;

public sealed class DemoHospitalTests
{
    private static readonly HospitalCatalog s_catalog = DemoHospital.Create();

    [Fact]
    public void Create_Has25DepartmentsIncludingTheMainSpecialties()
    {
        Assert.Equal(25, s_catalog.Departments.Count);
        string[] required = ["心血管内科", "消化内科", "呼吸内科", "内分泌科", "神经内科", "普外科", "骨科", "神经外科", "泌尿外科",
            "妇产科", "儿科", "眼科", "耳鼻喉科", "口腔科", "皮肤科", "中医科", "精神心理科", "肿瘤科", "康复医学科", "急诊科"];
        Assert.Empty(required.Except(s_catalog.Departments.Select(d => d.Name)));
    }

    [Fact]
    public void Departments_HaveUniqueIdsAndNames_AndSayWhereTheyAreAndWhatTheyTreat()
    {
        Assert.Equal(s_catalog.Departments.Count, s_catalog.Departments.Select(d => d.Id).Distinct().Count());
        Assert.Equal(s_catalog.Departments.Count, s_catalog.Departments.Select(d => d.Name).Distinct().Count());
        Assert.All(s_catalog.Departments, d => Assert.Matches(@"^(门诊楼|急诊楼)\d层[A-D]区$", d.Location));
        Assert.All(s_catalog.Departments, d => Assert.False(string.IsNullOrWhiteSpace(d.Description)));
    }

    [Fact]
    public void Create_Has123DoctorsWithUniqueIdsAndNames()
    {
        Assert.Equal(123, s_catalog.Doctors.Count);
        Assert.Equal(s_catalog.Doctors.Count, s_catalog.Doctors.Select(d => d.Id).Distinct().Count());
        Assert.Equal(s_catalog.Doctors.Count, s_catalog.Doctors.Select(d => d.Name).Distinct().Count());
        Assert.All(s_catalog.Doctors, d => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{2,3}$", d.Name));
    }

    [Fact]
    public void Doctors_BelongToKnownDepartments_WithSpecialtiesOfThatDepartment()
    {
        var specialtiesByDepartment = DemoDepartments.All.Select((d, i) => (Id: i + 1, d.Specialties)).ToDictionary(x => x.Id, x => x.Specialties);
        foreach (var doctor in s_catalog.Doctors)
        {
            Assert.True(specialtiesByDepartment.ContainsKey(doctor.DepartmentId));
            Assert.InRange(doctor.Specialties.Count, 2, 3);
            Assert.Empty(doctor.Specialties.Except(specialtiesByDepartment[doctor.DepartmentId]));
        }
    }

    [Fact]
    public void Doctors_HaveRealisticTitles_FeesByTitle_RatingsAndIntroductions()
    {
        var byTitle = s_catalog.Doctors.GroupBy(d => d.Title).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Enum.GetValues<DoctorTitle>(), t => Assert.True(byTitle.GetValueOrDefault(t) >= 10, $"{t}: {byTitle.GetValueOrDefault(t)}"));
        Assert.True(byTitle[DoctorTitle.ChiefPhysician] < s_catalog.Doctors.Count / 2);
        Assert.All(s_catalog.Doctors, d => Assert.Equal(DemoFees.For(d.Title), d.Fee));
        Assert.All(s_catalog.Doctors, d => Assert.InRange(d.Rating, 4.0, 5.0));
        Assert.All(s_catalog.Doctors, d => Assert.StartsWith($"{d.Name}，{d.Title.ToChineseName()}", d.Introduction));
        Assert.All(s_catalog.Doctors, d => Assert.EndsWith("。", d.Introduction));
    }

    [Theory]
    [InlineData(DoctorTitle.ChiefPhysician, 50)]
    [InlineData(DoctorTitle.AssociateChiefPhysician, 30)]
    [InlineData(DoctorTitle.AttendingPhysician, 20)]
    [InlineData(DoctorTitle.ResidentPhysician, 10)]
    public void DemoFees_FollowTheTitle(DoctorTitle title, int fee) => Assert.Equal(fee, DemoFees.For(title));

    [Fact]
    public void Create_IsDeterministic()
    {
        var again = DemoHospital.Create();

        Assert.Equal(s_catalog.Departments, again.Departments);
        Assert.Equal(s_catalog.Doctors.Select(d => (d.Name, d.Title, d.Rating, d.Introduction)), again.Doctors.Select(d => (d.Name, d.Title, d.Rating, d.Introduction)));
        Assert.Equal(s_catalog.Rooms, again.Rooms);
        Assert.Equal(s_catalog.Templates, again.Templates);
    }

    [Fact]
    public void ReleasePolicies_AreMostlySevenDays_WithSomeLongerAndOneOrTwoWeekly()
    {
        var policies = s_catalog.Departments.Select(d => s_catalog.ReleasePolicyFor(d.Id)).ToList();

        Assert.True(policies.Count(p => p == ReleasePolicy.RollingSevenDays) > policies.Count / 2);
        Assert.Contains(policies, p => p.WindowDays == 14);
        Assert.Contains(policies, p => p.WindowDays == 28);
        Assert.InRange(policies.Count(p => p.WeeklyReleaseDay is not null), 1, 2);
    }
}
