namespace Hospital.Silo.Notifications;

/// <summary>An appointment a notice is due for, with its patient and where the visit is.</summary>
public sealed record NoticeVisit(
    string AppointmentId, string SessionId, string PatientId, int SlotNo, DateOnly VisitDate, string DepartmentName, string DoctorName, string Location);
