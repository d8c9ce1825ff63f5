namespace Hospital.Silo.Tests.Runtime.Grains;

/// <summary>
/// What one probe activation observed. Overlaps counts pieces of its code that started while another was
/// running (must be 0); MaxCallsInFlight is the most calls started and not yet finished at once (1 unless reentrant).
/// </summary>
public sealed record ProbeReport(
    int Total,
    int Overlaps,
    int MaxCallsInFlight,
    int TimerTicks,
    IReadOnlyDictionary<int, IReadOnlyList<int>> SequencesByCaller,
    IReadOnlyList<string> Events);
