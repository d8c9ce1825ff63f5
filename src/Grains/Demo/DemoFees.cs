using Hospital.Grains.Catalog;

namespace Hospital.Grains.Demo;

/// <summary>
/// Demo registration fees (挂号费, yuan) by title, in line with public-hospital price lists:
/// 主任医师 50, 副主任医师 30, 主治医师 20, 住院医师 10.
/// </summary>
public static class DemoFees
{
    /// <summary>The fee a doctor with <paramref name="title"/> charges per visit.</summary>
    public static decimal For(DoctorTitle title) => title switch
    {
        DoctorTitle.ChiefPhysician => 50m,
        DoctorTitle.AssociateChiefPhysician => 30m,
        DoctorTitle.AttendingPhysician => 20m,
        DoctorTitle.ResidentPhysician => 10m,
        _ => throw new ArgumentOutOfRangeException(nameof(title), title, "Unknown doctor title."),
    };
}
