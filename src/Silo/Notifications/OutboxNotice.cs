namespace Hospital.Silo.Notifications;

/// <summary>A claimed outbox row to deliver: to whom, what kind, the text, and how many attempts failed before.</summary>
public sealed record OutboxNotice(long Id, string PatientId, string Kind, string Message, int Attempts);
