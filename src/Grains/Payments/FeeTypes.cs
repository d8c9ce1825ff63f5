using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Catalog;

namespace Hospital.Grains.Payments;

/// <summary>The fee type of a doctor's registration fee: chief and associate chief physicians hold expert clinics (专家号).</summary>
public static class FeeTypes
{
    public static FeeType Of(DoctorTitle title) =>
        title is DoctorTitle.ChiefPhysician or DoctorTitle.AssociateChiefPhysician ? FeeType.Expert : FeeType.General;
}
