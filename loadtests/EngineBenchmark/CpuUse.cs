using System.Diagnostics;

namespace Hospital.LoadTests.EngineBenchmark;

/// <summary>
/// The CPU time a burst took from this process (the contender's own work: the engine's silo and its callers, the plain
/// approach's driver calls) and from the database server when it runs on this machine. Both share the machine's cores,
/// so when a contender falls short of the database floor, these say whether the server did more work or this process did.
/// </summary>
internal sealed record CpuUse(TimeSpan Own, TimeSpan? Server)
{
    /// <summary>Linux counts a process's CPU time in /proc in ticks of 1/100 s (USER_HZ, fixed by its ABI on every common architecture).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Starts measuring; the function returns what was used since.</summary>
    public static Func<CpuUse> Start()
    {
        var server = LocalServerProcess();
        var (own, serverBefore) = (OwnCpu(), ServerCpu(server));
        return () => new CpuUse(OwnCpu() - own, ServerCpu(server) - serverBefore);
    }

    /// <summary>Microseconds of CPU per booking, "own / server", or only own when the server is not on this machine.</summary>
    public string PerBooking(int booked) =>
        booked == 0 ? "-" : $"{Own.TotalMicroseconds / booked:N0} / {(Server is { } server ? (server.TotalMicroseconds / booked).ToString("N0") : "n/a")}";

    private static TimeSpan OwnCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>The one MariaDB or MySQL server process on this machine, or null when there is none or more than one (which one serves us is unknown).</summary>
    private static string? LocalServerProcess()
    {
        if (!OperatingSystem.IsLinux()) return null;
        var servers = Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(pid => pid!.All(char.IsAsciiDigit) && ReadOrNull($"/proc/{pid}/comm")?.Trim() is "mariadbd" or "mysqld")
            .ToList();
        return servers.Count == 1 ? servers[0] : null;
    }

    private static TimeSpan? ServerCpu(string? pid)
    {
        // After the command name in parentheses: state, then 10 fields, then utime and stime (proc(5)).
        var fields = pid is null ? null : ReadOrNull($"/proc/{pid}/stat")?.Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is null ? null : TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond);
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null; // the process ended while we looked
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
