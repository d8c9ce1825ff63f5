namespace Hospital.Grains.Abstractions.Runtime;

/// <summary>A timer owned by one activation; disposing it stops further ticks.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Reschedules the timer: next tick after <paramref name="dueTime"/>, then every <paramref name="period"/>.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
