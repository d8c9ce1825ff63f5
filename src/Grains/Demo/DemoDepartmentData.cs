using Hospital.Grains.Catalog;

namespace Hospital.Grains.Demo;

/// <summary>Source data of one demo department: where it is, what it treats, its doctors' specialties and booking habits.</summary>
internal sealed record DemoDepartmentData(
    string Name,
    string Building,
    int Floor,
    char Zone,
    string Description,
    string[] Specialties,
    int DoctorCount,
    ReleasePolicy Release,
    bool HoldsEveningClinics = false)
{
    public string Location => $"{Building}{Floor}层{Zone}区";

    /// <summary>Room code prefix, e.g. 3B for 门诊楼3层B区 (急诊楼 rooms get an E).</summary>
    public string RoomPrefix => Building == "急诊楼" ? $"E{Floor}{Zone}" : $"{Floor}{Zone}";
}
