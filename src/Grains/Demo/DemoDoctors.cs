using Hospital.Grains.Catalog;

namespace Hospital.Grains.Demo;

/// <summary>Makes one demo doctor: title by seniority within the department, fee by title, specialties from the department.</summary>
internal static class DemoDoctors
{
    public static Doctor Create(int id, Department department, DemoDepartmentData data, int position, string name, Random random)
    {
        var title = TitleAt(position, random);
        var specialties = data.Specialties.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).ToArray();
        var years = title switch
        {
            DoctorTitle.ChiefPhysician => random.Next(20, 36),
            DoctorTitle.AssociateChiefPhysician => random.Next(12, 21),
            DoctorTitle.AttendingPhysician => random.Next(6, 13),
            _ => random.Next(2, 6),
        };
        var introduction = $"{name}，{title.ToChineseName()}，从事{department.Name}临床工作{years}年，擅长{string.Join("、", specialties)}的诊治。";
        var rating = Math.Round(4.0 + random.NextDouble(), 1);
        return new Doctor(id, department.Id, name, title, specialties, DemoFees.For(title), introduction, rating);
    }

    /// <summary>
    /// Seniority pyramid of a department, most senior first: chief, chief or associate, associate, attending,
    /// resident, attending. Small departments (4 doctors) have no resident.
    /// </summary>
    private static DoctorTitle TitleAt(int position, Random random) => position switch
    {
        0 => DoctorTitle.ChiefPhysician,
        1 => random.Next(2) == 0 ? DoctorTitle.ChiefPhysician : DoctorTitle.AssociateChiefPhysician,
        2 => DoctorTitle.AssociateChiefPhysician,
        4 => DoctorTitle.ResidentPhysician,
        _ => DoctorTitle.AttendingPhysician,
    };
}
