namespace Hospital.LoadTests.Reporting;

/// <summary>
/// The release burst's HTTP ceiling, measured in two halves: before T0 and after the burst. Their mean is the run's
/// ceiling, so a neighbour on the shared machine that is busy during only one of them moves the ratio less.
/// </summary>
public sealed record CeilingFigures(double BeforeT0, double After)
{
    public double Mean => Math.Round((BeforeT0 + After) / 2, 1);
}
