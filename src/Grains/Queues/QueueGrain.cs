using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Queues;
using Hospital.Grains.Catalog;
using Hospital.Grains.Patients;
using Hospital.Grains.Rules;
using Hospital.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Hospital.Grains.Queues;

/// <summary>
/// One session's queue, beside its slot pool (calls go queue → pool, never back). Non-reentrant: two kiosks checking the
/// same patient in at once are served one after the other, and the second finds the check-in done. Statuses live in the
/// pool (committed in its group commit, audited); this grain keeps only the calling order, written as grain state after
/// each change. On activation the order is reconciled with the pool: appointments no longer checked in leave it, and a
/// check-in whose order write was lost (a crash between the two writes) joins it by its check-in time.
/// </summary>
public sealed partial class QueueGrain(
    [PersistentState("queue", HospitalStorage.Name)] IPersistentState<QueueState> state,
    VisitCodes visitCodes,
    QueueBoard board,
    IPatientStore patients,
    HospitalClock time,
    ILogger<QueueGrain> logger) : Grain, IQueueGrain, IQueueBoardFeed
{
    public const string WrongPatientCode = "checkin.wrong_patient";
    public const string CallPendingCode = "queue.call_pending";
    public const string EmptyCode = "queue.empty";
    public const string NobodyCalledCode = "queue.nobody_called";
    public const string NotAddOnCode = "queue.not_add_on";
    public const string NotWaitingCode = "queue.not_waiting";

    private QueueState Line => state.State;

    private ISlotPoolGrain Pool => GrainFactory.GetGrain<ISlotPoolGrain>(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var rows = await Pool.GetVisitRowsAsync();
        var checkedIn = rows.Where(r => r.Status == AppointmentStatus.CheckedIn).ToDictionary(r => r.AppointmentId);
        var gone = Line.Waiting.Select(s => s.AppointmentId).Append(Line.Calling?.AppointmentId).OfType<string>().Where(id => !checkedIn.ContainsKey(id)).ToList();
        var missing = checkedIn.Values.Where(r => !Line.Contains(r.AppointmentId)).OrderBy(r => r.Late).ThenBy(r => r.Late ? r.CheckedInAt : null).ThenBy(r => r.SlotNo).ToList();
        foreach (var id in gone) Line.Remove(id);
        foreach (var row in missing) Line.Arrive(SpotOf(row));
        if (gone.Count + missing.Count > 0) await SaveAndPublishAsync();
        else await PublishAsync();
    }

    public async Task<AppointmentView> CheckInAsync(string appointmentId, string visitCode, string actor)
    {
        var booked = await Pool.GetAppointmentAsync(appointmentId);
        await EnsurePatientsCodeAsync(booked.PatientId, visitCode);
        return await CheckInBookedAsync(appointmentId, actor);
    }

    public Task<AppointmentView> CheckInWithTicketAsync(string appointmentId, string actor) => CheckInBookedAsync(appointmentId, actor);

    /// <summary>The check-in once the patient is known to be the booked one (by the visit code or the signed e-ticket).</summary>
    private async Task<AppointmentView> CheckInBookedAsync(string appointmentId, string actor)
    {
        var view = await Pool.CheckInAsync(appointmentId, actor);
        if (view.Status == AppointmentStatus.NoShow)
            throw new RuleConflictException(CheckInWindow.TooLateCode, "The check-in window of this appointment has closed; it counts as a no-show.");
        if (Line.Contains(appointmentId)) return view;

        var row = (await Pool.GetVisitRowsAsync()).Single(r => r.AppointmentId == appointmentId);
        Line.Arrive(SpotOf(row));
        await SaveAndPublishAsync();
        LogCheckedIn(appointmentId, row.Late);
        return view;
    }

    public async Task<QueueView> GetQueueAsync()
    {
        var rows = (await Pool.GetVisitRowsAsync()).ToDictionary(r => r.AppointmentId);
        QueueEntry EntryOf(QueueSpot spot)
        {
            var row = rows[spot.AppointmentId];
            return new QueueEntry(row.AppointmentId, row.SlotNo, row.PatientId, row.Channel, row.Status, spot.Late, spot.MissedOnce);
        }
        var inVisit = rows.Values.Where(r => r.Status == AppointmentStatus.InVisit)
            .Select(r => new QueueEntry(r.AppointmentId, r.SlotNo, r.PatientId, r.Channel, r.Status, false, false)).ToList();
        return new QueueView(this.GetPrimaryKeyString(), Line.Calling is { } calling ? EntryOf(calling) : null, inVisit, [.. Line.Waiting.Select(EntryOf)]);
    }

    public async Task<QueueView> CallNextAsync(string actor)
    {
        if (Line.Calling is not null)
            throw new RuleConflictException(CallPendingCode, "The called patient has neither started a visit nor been skipped.");
        var called = Line.CallNext() ?? throw new RuleConflictException(EmptyCode, "Nobody is waiting.");
        await SaveAndPublishAsync();
        LogCalled(called.AppointmentId, actor);
        return await GetQueueAsync();
    }

    public Task<QueueView> RecallAsync(string actor)
    {
        var called = Line.Calling ?? throw new RuleConflictException(NobodyCalledCode, "Nobody is being called.");
        LogCalled(called.AppointmentId, actor);
        return GetQueueAsync();
    }

    public async Task<QueueView> SkipAsync(string actor)
    {
        var called = Line.Calling ?? throw new RuleConflictException(NobodyCalledCode, "Nobody is being called.");
        if (called.MissedOnce)
        {
            await Pool.AdvanceVisitAsync(called.AppointmentId, AppointmentStatus.NoShow, actor, "missed the call twice");
            Line.Remove(called.AppointmentId);
        }
        else
        {
            Line.SetBackCalling();
        }
        await SaveAndPublishAsync();
        LogSkipped(called.AppointmentId, called.MissedOnce);
        return await GetQueueAsync();
    }

    public async Task<QueueView> PlaceAddOnAsync(string appointmentId, int position, string actor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(position);
        var row = (await Pool.GetVisitRowsAsync()).FirstOrDefault(r => r.AppointmentId == appointmentId)
            ?? throw new NotFoundException("appointment.not_found", $"Appointment {appointmentId} does not exist.");
        if (row.Channel != BookingChannel.DoctorAddOn)
            throw new RuleConflictException(NotAddOnCode, "Only add-on patients (DoctorAddOn) are placed by the doctor; the others wait by the order rules.");
        if (!Line.MoveTo(appointmentId, position - 1)) throw new RuleConflictException(NotWaitingCode, "This patient is not waiting in the queue.");
        await SaveAndPublishAsync();
        LogPlaced(appointmentId, position, actor);
        return await GetQueueAsync();
    }

    public async Task<AppointmentView> StartVisitAsync(string appointmentId, string actor)
    {
        var started = await Pool.AdvanceVisitAsync(OfThisSession(appointmentId), AppointmentStatus.InVisit, actor, "visit started");
        var left = Line.Remove(appointmentId);
        VisitStarted(appointmentId);
        if (left) await SaveAndPublishAsync();
        else await state.WriteStateAsync();
        return started;
    }

    public async Task<AppointmentView> CompleteVisitAsync(string appointmentId, string actor)
    {
        var completed = await Pool.AdvanceVisitAsync(OfThisSession(appointmentId), AppointmentStatus.Completed, actor, "visit completed");
        if (!VisitEnded(appointmentId)) return completed;
        await SaveAndPublishAsync();
        return completed;
    }

    /// <summary>Real-name check: the code must be the booked patient's current visit code.</summary>
    private async Task EnsurePatientsCodeAsync(string patientId, string visitCode)
    {
        if (!visitCodes.Matches(await visitCodes.CurrentHashAsync(patientId), patientId, visitCode))
            throw new RuleConflictException(WrongPatientCode, "This visit code is not the booked patient's: only the patient booked can check in.");
    }

    private string OfThisSession(string appointmentId) =>
        AppointmentKey.TryGetSessionId(appointmentId, out var sessionId) && sessionId == this.GetPrimaryKeyString()
            ? appointmentId
            : throw new NotFoundException("appointment.not_found", $"Appointment {appointmentId} does not exist.");

    private static QueueSpot SpotOf(VisitRow row) => new() { AppointmentId = row.AppointmentId, SlotNo = row.SlotNo, Late = row.Late };

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment {AppointmentId} checked in (late: {Late})")]
    private partial void LogCheckedIn(string appointmentId, bool late);

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment {AppointmentId} called by {Actor}")]
    private partial void LogCalled(string appointmentId, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Add-on appointment {AppointmentId} placed at {Position} by {Actor}")]
    private partial void LogPlaced(string appointmentId, int position, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment {AppointmentId} missed its call (second miss: {SecondMiss})")]
    private partial void LogSkipped(string appointmentId, bool secondMiss);
}
