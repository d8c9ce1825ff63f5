using Hospital.LoadTests.Consistency;

namespace Hospital.LoadTests.Faults;

/// <summary>An acknowledged hold (and payment, if it was acknowledged too) with the time of its last acknowledgement.</summary>
public sealed record TimedAcknowledgement(AcknowledgedHold Hold, DateTimeOffset AcknowledgedAt);
