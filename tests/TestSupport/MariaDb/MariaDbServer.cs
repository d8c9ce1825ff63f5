using System.Diagnostics;
using System.Globalization;

namespace Hospital.TestSupport.MariaDb;

/// <summary>
/// The one throwaway MariaDB server of a test process: started on first use with scripts/mariadb-start.sh, which
/// also leaves a watcher that stops the server and removes its data folder (scripts/mariadb-stop.sh) as soon as this
/// process is gone. A watcher rather than a ProcessExit handler, because test hosts are often killed, not exited. Tests do not share databases on
/// it: <see cref="Databases.MariaDbDatabaseFixture"/> creates a fresh one per fixture.
/// </summary>
public sealed class MariaDbServer
{
    private static readonly Lazy<Task<MariaDbServer>> Shared = new(() => Task.Run(Start));

    private MariaDbServer(string connectionString) => ConnectionString = connectionString;

    /// <summary>The server's `hospital` database as user app, who may also create and drop databases.</summary>
    public string ConnectionString { get; }

    /// <summary>The process's server, started on the first call; a failed start fails every caller with its output.</summary>
    public static Task<MariaDbServer> GetAsync() => Shared.Value;

    private static MariaDbServer Start()
    {
        var stateFile = Path.Combine(Path.GetTempPath(), $"hospital-mariadb-{Environment.ProcessId}-{Guid.NewGuid():N}.state");
        var startInfo = new ProcessStartInfo("bash")
        {
            ArgumentList =
            {
                Path.Combine(RepositoryRoot.Path, "scripts", "mariadb-start.sh"),
                stateFile,
                Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Tests need no crash durability; every commit's fsync would only slow them down.
            Environment = { ["MARIADB_FAST_COMMITS"] = "1" },
        };
        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/mariadb-start.sh failed with exit code {process.ExitCode}: {error.Result}");
        }

        return new MariaDbServer(output.Trim());
    }
}
