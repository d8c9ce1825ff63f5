using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Privacy;
using Hospital.Grains.Catalog;
using Hospital.Grains.Patients;

namespace Hospital.Grains.Tickets;

/// <summary>Makes the e-ticket of a paid booking: valid until the end of its visit day, hospital time.</summary>
public sealed class ETicketIssuer(IPatientStore patients, ETicketSigner signer, HospitalTime hospitalTime)
{
    /// <summary>The ticket and its signed payload; refused (409) unless the appointment is Booked or already checked in.</summary>
    public async Task<(ETicket Ticket, string Payload)> IssueAsync(AppointmentView appointment, CancellationToken cancellationToken = default)
    {
        if (appointment.Status is not (AppointmentStatus.Booked or AppointmentStatus.CheckedIn))
            throw new RuleConflictException(ETicketCodes.Unavailable, $"An appointment in status {appointment.Status} has no e-ticket; only a paid booking has one.");
        var patient = await patients.FindAsync(appointment.PatientId, cancellationToken);
        var visitDay = SessionKey.Parse(appointment.SessionId).Date;
        var ticket = new ETicket(appointment.Id, appointment.SlotNo, PersonalDataMask.BoardName(patient?.Name),
            hospitalTime.At(visitDay.AddDays(1), TimeOnly.MinValue));
        return (ticket, signer.Sign(ticket));
    }
}
