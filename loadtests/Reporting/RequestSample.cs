namespace Hospital.LoadTests.Reporting;

/// <summary>One request: what it was for, when it started (Stopwatch timestamp), how long it took, how it ended, and its HTTP status (0: no answer).</summary>
public readonly record struct RequestSample(string Kind, long StartedAt, long ElapsedTicks, Outcome Outcome, string? Code, int Status);
