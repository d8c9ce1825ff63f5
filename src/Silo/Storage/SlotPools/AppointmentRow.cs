using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Rules;
using Hospital.Grains.SlotPools;

namespace Hospital.Silo.Storage.SlotPools;

/// <summary>An appointments row in the column types both drivers read back (instants as UTC DateTime, enums as names).</summary>
internal sealed class AppointmentRow
{
    public static readonly RowSetColumn[] Columns =
    [
        new("id", RowSetKind.Text), new("session_id", RowSetKind.Text), new("slot_no", RowSetKind.Integer), new("slot_lock", RowSetKind.Integer),
        new("patient_id", RowSetKind.Text), new("channel", RowSetKind.Text), new("status", RowSetKind.Text), new("fhir_status", RowSetKind.Text),
        new("fee", RowSetKind.Money), new("held_at", RowSetKind.Instant), new("expires_at", RowSetKind.Instant), new("booked_at", RowSetKind.Instant),
        new("payment_ref", RowSetKind.Text), new("refund_amount", RowSetKind.Money), new("reschedule_count", RowSetKind.Integer),
        new("rescheduled_from", RowSetKind.Text), new("idempotency_key", RowSetKind.Text), new("updated_at", RowSetKind.Instant),
    ];

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
    public static object?[] Values(PoolAppointment a) =>
    [
        a.Id, a.SessionId, a.SlotNo, a.OccupiesSlot ? 1 : null, a.PatientId, a.Channel.ToString(), a.Status.ToString(),
        a.Status.ToFhirCode(), a.Fee, Utc(a.HeldAt), Utc(a.ExpiresAt), Utc(a.BookedAt), a.PaymentRef,
        a.RefundAmount, a.RescheduleCount, a.RescheduledFrom, a.IdempotencyKey, Utc(a.UpdatedAt),
    ];

    public PoolAppointment ToAppointment() => new(
        Id, SessionId, (int)SlotNo, PatientId, Enum.Parse<BookingChannel>(Channel), Enum.Parse<AppointmentStatus>(Status), Fee,
        FromUtc(HeldAt), FromUtc(ExpiresAt), BookedAt is { } booked ? FromUtc(booked) : null, PaymentRef, RefundAmount,
        (int)RescheduleCount, RescheduledFrom, IdempotencyKey, FromUtc(UpdatedAt));

    public static DateTime Utc(DateTimeOffset instant) => instant.UtcDateTime;

    public static DateTime? Utc(DateTimeOffset? instant) => instant?.UtcDateTime;

    public static DateTimeOffset FromUtc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}
