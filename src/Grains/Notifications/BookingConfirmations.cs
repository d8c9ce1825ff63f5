using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;
using Hospital.Grains.Patients;
using Hospital.Grains.Rules;
using Hospital.Grains.SlotPools;
using Microsoft.Extensions.Options;

namespace Hospital.Grains.Notifications;

/// <summary>Looks up what a booking's confirmation says and renders it (<see cref="BookingConfirmationText"/>) as an outbox row.</summary>
public sealed class BookingConfirmations(
    CatalogCache catalog,
    IPatientStore patients,
    IOptions<CheckInRulesOptions> checkIn,
    IOptions<CancellationRulesOptions> cancellation,
    HospitalTime hospitalTime)
{
    public const string Kind = "appointment.booked";

    /// <summary>The confirmation of a booking paid at <paramref name="now"/>; null when its session or patient is unknown here, so none is sent.</summary>
    public async Task<NotificationRecord?> ForAsync(AppointmentView booked, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var snapshot = catalog.Current;
        if (snapshot.FindSession(booked.SessionId) is not { } session || snapshot.FindDepartment(session.DepartmentId) is not { } department
            || snapshot.FindDoctor(session.DoctorId) is not { } doctor || await patients.FindAsync(booked.PatientId, cancellationToken) is not { } patient)
            return null;
        var startsAt = hospitalTime.ToLocal(booked.SlotTime);
        var freeUntil = CancellationPolicy.FreeUntil(startsAt, cancellation.Value);
        var facts = new BookingConfirmationFacts(
            Salutation.For(patient.Name, patient.Sex, patient.BirthDate, session.Date),
            department.Name, doctor.Name, doctor.Title.ToChineseName(), session.Period, booked.SlotNo, startsAt,
            snapshot.Catalog.Rooms.FirstOrDefault(r => r.Code == session.Room)?.Location ?? department.Location,
            hospitalTime.ToLocal(CheckInWindow.OpensAt(startsAt, checkIn.Value)), hospitalTime.ToLocal(CheckInWindow.ClosesAt(startsAt, checkIn.Value)),
            now < freeUntil ? hospitalTime.ToLocal(freeUntil) : null, cancellation.Value.LateCancellationFeeRate);
        return new NotificationRecord(booked.PatientId, booked.Id, Kind, BookingConfirmationText.Render(facts), now);
    }
}
