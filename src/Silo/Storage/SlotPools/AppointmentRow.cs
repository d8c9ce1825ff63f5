using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Rules;
using Hospital.Grains.SlotPools;

namespace Hospital.Silo.Storage.SlotPools;

/// <summary>An appointments row in the column types both drivers read back (instants as UTC DateTime, enums as names).</summary>
internal sealed class AppointmentRow
{
    /// <summary>Every column, its value in an appointment, and whether a lifecycle transition may change it (see PoolAppointment.WithLifecycleOf).</summary>
    private static readonly (RowSetColumn Column, Func<PoolAppointment, object?> Value, bool Lifecycle)[] s_columns =
    [
        (new("id", RowSetKind.Text), a => a.Id, false),
        (new("session_id", RowSetKind.Text), a => a.SessionId, false),
        (new("slot_no", RowSetKind.Integer), a => a.SlotNo, false),
        (new("slot_lock", RowSetKind.Integer), a => a.OccupiesSlot ? 1 : null, true),
        (new("patient_id", RowSetKind.Text), a => a.PatientId, false),
        (new("channel", RowSetKind.Text), a => a.Channel.ToString(), false),
        (new("status", RowSetKind.Text), a => a.Status.ToString(), true),
        (new("fhir_status", RowSetKind.Text), a => a.Status.ToFhirCode(), true),
        (new("fee", RowSetKind.Money), a => a.Fee, false),
        (new("held_at", RowSetKind.Instant), a => Utc(a.HeldAt), false),
        (new("expires_at", RowSetKind.Instant), a => Utc(a.ExpiresAt), false),
        (new("booked_at", RowSetKind.Instant), a => Utc(a.BookedAt), true),
        (new("payment_ref", RowSetKind.Text), a => a.PaymentRef, true),
        (new("refund_amount", RowSetKind.Money), a => a.RefundAmount, true),
        (new("reschedule_count", RowSetKind.Integer), a => a.RescheduleCount, false),
        (new("rescheduled_from", RowSetKind.Text), a => a.RescheduledFrom, false),
        (new("idempotency_key", RowSetKind.Text), a => a.IdempotencyKey, false),
        (new("updated_at", RowSetKind.Instant), a => Utc(a.UpdatedAt), true),
    ];

    private static readonly (RowSetColumn Column, Func<PoolAppointment, object?> Value, bool Lifecycle)[] s_lifecycle =
        [s_columns[0], .. s_columns.Where(c => c.Lifecycle)];

    /// <summary>Every column, as an insert writes them.</summary>
    public static readonly RowSetColumn[] Columns = [.. s_columns.Select(c => c.Column)];

    /// <summary>
    /// The key, then the columns a transition may change: what an update writes. A pay during a release peak then
    /// carries 8 columns instead of 18, which both databases unpack from its JSON row set key by key.
    /// </summary>
    public static readonly RowSetColumn[] LifecycleColumns = [.. s_lifecycle.Select(c => c.Column)];

    private const string Fields =
        "{0}id AS Id, {0}session_id AS SessionId, {0}slot_no AS SlotNo, {0}patient_id AS PatientId, {0}channel AS Channel, {0}status AS Status, " +
        "{0}fee AS Fee, {0}held_at AS HeldAt, {0}expires_at AS ExpiresAt, {0}booked_at AS BookedAt, {0}payment_ref AS PaymentRef, " +
        "{0}refund_amount AS RefundAmount, {0}reschedule_count AS RescheduleCount, {0}rescheduled_from AS RescheduledFrom, " +
        "{0}idempotency_key AS IdempotencyKey, {0}updated_at AS UpdatedAt";

    /// <summary>Selects every column under the property names below.</summary>
    public static readonly string Select = $"SELECT {string.Format(Fields, "")} FROM appointments";

    /// <summary>Like <see cref="Select"/>, plus the department of each appointment's session (aliases: a, s).</summary>
    public static readonly string SelectWithDepartment =
        $"SELECT {string.Format(Fields, "a.")}, s.department_id AS DepartmentId FROM appointments a JOIN sessions s ON s.session_id = a.session_id";

    public string Id { get; set; } = "";
    public string SessionId { get; set; } = "";
    public long SlotNo { get; set; }
    public string PatientId { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Status { get; set; } = "";
    public decimal Fee { get; set; }
    public DateTime HeldAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? BookedAt { get; set; }
    public string? PaymentRef { get; set; }
    public decimal? RefundAmount { get; set; }
    public long RescheduleCount { get; set; }
    public string? RescheduledFrom { get; set; }
    public string? IdempotencyKey { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long DepartmentId { get; set; }

    /// <summary>The column values of <paramref name="a"/>, in <see cref="Columns"/> order.</summary>
    public static object?[] Values(PoolAppointment a) => [.. s_columns.Select(c => c.Value(a))];

    /// <summary>The values of <see cref="LifecycleColumns"/>, in their order.</summary>
    public static object?[] LifecycleValues(PoolAppointment a) => [.. s_lifecycle.Select(c => c.Value(a))];

    public PoolAppointment ToAppointment() => new(
        Id, SessionId, (int)SlotNo, PatientId, Enum.Parse<BookingChannel>(Channel), Enum.Parse<AppointmentStatus>(Status), Fee,
        FromUtc(HeldAt), FromUtc(ExpiresAt), BookedAt is { } booked ? FromUtc(booked) : null, PaymentRef, RefundAmount,
        (int)RescheduleCount, RescheduledFrom, IdempotencyKey, FromUtc(UpdatedAt));

    public static DateTime Utc(DateTimeOffset instant) => instant.UtcDateTime;

    public static DateTime? Utc(DateTimeOffset? instant) => instant?.UtcDateTime;

    public static DateTimeOffset FromUtc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}
