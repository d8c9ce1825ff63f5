using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Availability;
using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;

namespace Hospital.Grains.SlotPools;

/// <summary>
/// The in-memory state of one session's slot pool: committed rows plus the decisions of batches not yet written.
/// Invariant: used only from its grain's turns, one at a time, so it needs no locks. A slot has at most one
/// occupant; every change returns the rows to commit (see the Holds and Lifecycle files). The indexes below make
/// each decision cost O(log n) however large the session, so a burst on a big pool stays linear.
/// </summary>
public sealed partial class SlotPool
{
    private readonly Dictionary<int, SlotDefinition> _slots;
    private readonly Dictionary<int, string> _occupants = [];
    private readonly Dictionary<string, PoolAppointment> _appointments = [];
    private readonly Dictionary<BookingChannel, SortedSet<int>> _freeByChannel;
    private readonly Dictionary<string, int> _occupyingByPatient = [];
    private int _held;

    public SlotPool(SessionDefinition session, SessionStatus status, long version, IEnumerable<PoolAppointment> appointments,
        IEnumerable<WaitlistEntry>? waitlist = null)
    {
        Session = session;
        Status = status;
        Version = version;
        _slots = session.Slots.ToDictionary(s => s.SlotNo);
        _freeByChannel = Enum.GetValues<BookingChannel>().ToDictionary(
            channel => channel, channel => new SortedSet<int>(session.Slots.Where(s => s.Channel == channel).Select(s => s.SlotNo)));
        foreach (var appointment in appointments) Put(appointment);
        foreach (var entry in waitlist ?? []) PutEntry(entry);
    }

    public SessionDefinition Session { get; }

    public SessionStatus Status { get; private set; }

    /// <summary>The version of the session row this state was last written at or loaded from.</summary>
    public long Version { get; set; }

    public int HeldCount => _held;

    public int BookedCount => _occupants.Count - HeldCount;

    public IEnumerable<PoolAppointment> Appointments => _appointments.Values;

    /// <summary>An independent pool in the same state; appointments and waitlist entries are immutable, so they are shared.</summary>
    public SlotPool Copy() => new(Session, Status, Version, Appointments, Waitlist) { OfferHoldDuration = OfferHoldDuration };

    /// <summary>Brings a copy of the committed state up to a batch that has just been committed.</summary>
    public void Apply(PoolBatch committed)
    {
        foreach (var appointment in committed.Inserts) Put(appointment);
        foreach (var appointment in committed.Updates) Put(appointment);
        foreach (var entry in committed.Waitlist) PutEntry(entry);
        Status = committed.Status;
        Version = committed.NewVersion;
    }

    public PoolAppointment? Find(string appointmentId) => _appointments.GetValueOrDefault(appointmentId);

    public PoolAppointment Get(string appointmentId) =>
        Find(appointmentId) ?? throw new NotFoundException("appointment.not_found", $"Appointment {appointmentId} does not exist.");

    public SessionAvailability Availability(DateTimeOffset now)
    {
        var free = _freeByChannel[BookingChannel.App];
        var available = Status == SessionStatus.Stopped ? 0 : free.Count - free.TakeWhile(n => _slots[n].StartsAt <= now).Count();
        var state = SessionStates.Of(Status == SessionStatus.Stopped, Session.OpensAt, available, now);
        return new SessionAvailability(Session.SessionId, Session.DoctorId, Session.DepartmentId, Session.Date,
            Session.Period, Session.Fee, Session.Quota, available, state, Session.OpensAt, Version);
    }

    public IReadOnlyList<SlotView> Slots(DateTimeOffset now) =>
        Session.Slots.Select(s => new SlotView(s.SlotNo, s.StartsAt, s.EndsAt, s.Channel, IsFree(s, now))).ToList();

    /// <summary>The appointment as its patient sees it, with instants in the hospital's time zone (the session's offset).</summary>
    public AppointmentView View(PoolAppointment a)
    {
        var offset = Session.OpensAt.Offset;
        return new AppointmentView(
            a.Id, a.SessionId, a.SlotNo, _slots[a.SlotNo].StartsAt, a.PatientId, a.Channel, a.Status, a.Status.ToFhirCode(), a.Fee,
            a.HeldAt.ToOffset(offset), a.Status == AppointmentStatus.Held ? a.ExpiresAt.ToOffset(offset) : null,
            a.BookedAt?.ToOffset(offset), a.RefundAmount, a.RescheduleCount, a.RescheduledFrom);
    }

    private bool IsFree(SlotDefinition slot, DateTimeOffset now) =>
        Status == SessionStatus.Open && slot.StartsAt > now && !_occupants.ContainsKey(slot.SlotNo);

    /// <summary>Whether the patient has an appointment occupying a slot of this session.</summary>
    private bool HasLiveAppointment(string patientId) => _occupyingByPatient.ContainsKey(patientId);

    /// <summary>True when a slot of <paramref name="channel"/> is free and not started yet.</summary>
    public bool HasFreeSlot(BookingChannel channel, DateTimeOffset now) => NextFreeSlot(channel, now) is not null;

    /// <summary>The lowest free slot of the channel that has not started yet.</summary>
    private SlotDefinition? NextFreeSlot(BookingChannel channel, DateTimeOffset now)
    {
        foreach (var slotNo in _freeByChannel[channel])
        {
            if (_slots[slotNo].StartsAt > now) return _slots[slotNo];
        }
        return null;
    }

    /// <summary>Stores a new version of an appointment and keeps occupancy, free slots and counters in step with it.</summary>
    private void Put(PoolAppointment appointment)
    {
        if (_appointments.TryGetValue(appointment.Id, out var previous) && previous.OccupiesSlot) Vacate(previous);
        _appointments[appointment.Id] = appointment;
        if (appointment.OccupiesSlot) Occupy(appointment);
    }

    private void Occupy(PoolAppointment a)
    {
        _occupants[a.SlotNo] = a.Id;
        _freeByChannel[_slots[a.SlotNo].Channel].Remove(a.SlotNo);
        _occupyingByPatient[a.PatientId] = _occupyingByPatient.GetValueOrDefault(a.PatientId) + 1;
        if (a.Status == AppointmentStatus.Held) _held++;
    }

    private void Vacate(PoolAppointment a)
    {
        _occupants.Remove(a.SlotNo);
        _freeByChannel[_slots[a.SlotNo].Channel].Add(a.SlotNo);
        if (--_occupyingByPatient[a.PatientId] == 0) _occupyingByPatient.Remove(a.PatientId);
        if (a.Status == AppointmentStatus.Held) _held--;
    }
}
