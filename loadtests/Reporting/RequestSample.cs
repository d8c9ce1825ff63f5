namespace Hospital.LoadTests.Reporting;

/// <summary>One request: what it was for, when it started (Stopwatch timestamp), how long it took, and how it ended.</summary>
public readonly record struct RequestSample(string Kind, long StartedAt, long ElapsedTicks, Outcome Outcome, string? Code);
