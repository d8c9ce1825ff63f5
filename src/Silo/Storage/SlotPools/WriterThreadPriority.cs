using System.Runtime.InteropServices;

namespace Hospital.Silo.Storage.SlotPools;

/// <summary>
/// Gives the batch writer's thread a higher scheduling priority. At a release peak every booking waits for the one
/// writer's transactions while hundreds of requests keep both cores busy; at the default priority the scheduler gave
/// the writer about a quarter of a core in a profiled 1,024-user burst, so each transaction spent most of its time
/// waiting to run. Lowering a nice value below 0 needs CAP_SYS_NICE (root has it) or an RLIMIT_NICE of at least 30
/// (docker-compose.yml sets it); without either the writer keeps the default priority and logs why once.
/// </summary>
internal static class WriterThreadPriority
{
    /// <summary>The writer's nice value on Linux (-20 highest, 0 default); high enough that it runs as soon as it is runnable.</summary>
    public const int Nice = -10;

    private const int PrioProcess = 0; // with a thread id, Linux applies the nice value to that thread alone

    /// <summary>Raises the calling thread; returns null on success, otherwise why it could not.</summary>
    public static string? TryRaiseCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            Thread.CurrentThread.Priority = ThreadPriority.Highest;
            return null;
        }
        return SetPriority(PrioProcess, GetThreadId(), Nice) == 0 ? null : Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
    }

    // DllImport rather than LibraryImport: the generated stubs need unsafe code, and these take plain ints.
    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int prio);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
