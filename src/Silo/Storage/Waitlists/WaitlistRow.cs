using Hospital.Grains.Abstractions.Waitlists;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Storage.Waitlists;

/// <summary>A waitlist_entries row in the column types both drivers read back (instants as UTC DateTime, the status by name).</summary>
internal sealed class WaitlistRow
{
    /// <summary>Every column under the property names below (alias w).</summary>
    public const string Columns =
        "w.id AS Id, w.session_id AS SessionId, w.patient_id AS PatientId, w.seq AS Seq, w.status AS Status, w.actor AS Actor, " +
        "w.joined_at AS JoinedAt, w.updated_at AS UpdatedAt";

    public string Id { get; set; } = "";
    public string SessionId { get; set; } = "";
    public string PatientId { get; set; } = "";
    public long Seq { get; set; }
    public string Status { get; set; } = "";
    public string Actor { get; set; } = "";
    public DateTime JoinedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Waiting places of the session ahead of this one, for queries that count them (see SqlWaitlistStore).</summary>
    public long Ahead { get; set; }

    public WaitlistEntry ToEntry() => new(
        Id, SessionId, PatientId, Seq, Enum.Parse<WaitlistStatus>(Status), Actor, AppointmentRow.FromUtc(JoinedAt), AppointmentRow.FromUtc(UpdatedAt));

    /// <summary>The place as its patient sees it; a waiting one's position counts the places <see cref="Ahead"/>.</summary>
    public WaitlistEntryView ToView()
    {
        var status = Enum.Parse<WaitlistStatus>(Status);
        return new(Id, SessionId, PatientId, status, status == WaitlistStatus.Waiting ? (int)Ahead + 1 : null,
            AppointmentRow.FromUtc(JoinedAt), AppointmentRow.FromUtc(UpdatedAt));
    }
}
