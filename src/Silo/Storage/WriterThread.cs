namespace Hospital.Silo.Storage;

/// <summary>
/// A node writer's thread of its own, on which it makes the drivers' synchronous calls: they block only that thread. On
/// the thread pool (two threads to start with on two cores) a blocked writer would hold back the requests, and with a truly
/// async driver (MySqlConnector) every round trip of a transaction would resume behind the requests queued there at a peak.
/// </summary>
internal static class WriterThread
{
    /// <summary>Runs <paramref name="loop"/> on a new background thread; the task ends when the loop returns or throws.</summary>
    public static Task Start(string name, Action loop)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                loop();
                stopped.SetResult();
            }
            catch (Exception error)
            {
                stopped.SetException(error);
            }
        }) { IsBackground = true, Name = name }.Start();
        return stopped.Task;
    }
}
