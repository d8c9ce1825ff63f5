using Hospital.Grains.SlotPools;

namespace Hospital.Silo.Notifications;

/// <summary>A notice a sweep writes, with the key that makes it exist once however often and on however many nodes the sweep runs.</summary>
public sealed record KeyedNotice(string DedupeKey, NotificationRecord Notice)
{
    /// <summary>The key of a notice about one appointment: one of each kind.</summary>
    public static KeyedNotice ForAppointment(NotificationRecord notice) => new($"{notice.Kind}:{notice.AppointmentId}", notice);
}
