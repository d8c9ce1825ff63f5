namespace Hospital.Grains.Catalog;

/// <summary>Professional title of a doctor (职称), highest first; <see cref="DoctorTitleNames"/> gives the Chinese name.</summary>
public enum DoctorTitle
{
    /// <summary>主任医师</summary>
    ChiefPhysician,

    /// <summary>副主任医师</summary>
    AssociateChiefPhysician,

    /// <summary>主治医师</summary>
    AttendingPhysician,

    /// <summary>住院医师</summary>
    ResidentPhysician,
}
