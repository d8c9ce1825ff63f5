namespace Hospital.Grains.Abuse;

/// <summary>
/// Fixed windows counted from the Unix epoch: a flag is raised at most once per account, kind and window, so detection can
/// run again and again (on every node, after every restart) and store each finding once.
/// </summary>
public static class FlagWindow
{
    public static DateTimeOffset Start(DateTimeOffset at, TimeSpan length) =>
        DateTimeOffset.UnixEpoch.AddTicks((at - DateTimeOffset.UnixEpoch).Ticks / length.Ticks * length.Ticks);
}
