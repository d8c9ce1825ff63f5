namespace Hospital.Grains.Catalog;

/// <summary>Chinese display names of <see cref="DoctorTitle"/>.</summary>
public static class DoctorTitleNames
{
    /// <summary>The title as printed on tickets and signs, e.g. 主任医师.</summary>
    public static string ToChineseName(this DoctorTitle title) => title switch
    {
        DoctorTitle.ChiefPhysician => "主任医师",
        DoctorTitle.AssociateChiefPhysician => "副主任医师",
        DoctorTitle.AttendingPhysician => "主治医师",
        DoctorTitle.ResidentPhysician => "住院医师",
        _ => throw new ArgumentOutOfRangeException(nameof(title), title, "Unknown doctor title."),
    };
}
