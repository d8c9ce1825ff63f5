using System.Diagnostics;
using System.Globalization;
using MySqlConnector;

namespace Hospital.TestSupport.MariaDb;

/// <summary>
/// A throwaway MariaDB server of one test's own, to stall (SIGSTOP) and resume (SIGCONT) or kill: the process's shared
/// <see cref="MariaDbServer"/> serves every other MariaDB test at the same time and must never stop. Started with
/// scripts/mariadb-start.sh like the shared one; disposing it stops it and removes its data.
/// </summary>
public sealed class FreezableMariaDb : IAsyncDisposable
{
    private readonly string _stateFile;

    private FreezableMariaDb(string stateFile, string connectionString, int pid) =>
        (_stateFile, ConnectionString, Pid) = (stateFile, connectionString, pid);

    // Starts mariadbd again on the data folder and port of the state file, as scripts/mariadb-start.sh did, and records its
    // new PID there (the stop script and its watcher read it from there).
    private const string RestartScript = """
        set -euo pipefail
        dir=$(sed -n 's/^DIR=//p' "$1"); port=$(sed -n 's/^PORT=//p' "$1")
        setsid mariadbd --no-defaults --user="$(id -un)" --datadir="$dir/data" --socket="$dir/sock" \
          --pid-file="$dir/mariadbd.pid" --port="$port" --bind-address=127.0.0.1 --skip-name-resolve \
          --innodb-flush-log-at-trx-commit=2 --max-connections=1000 --log-error="$dir/mariadbd.log" </dev/null >/dev/null 2>&1 &
        for _ in $(seq 1 300); do
          mariadb --no-defaults --socket="$dir/sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break
          sleep 0.2
        done
        mariadb --no-defaults --socket="$dir/sock" -uroot -e 'SELECT 1' >/dev/null
        sed -i "s/^PID=.*/PID=$(cat "$dir/mariadbd.pid")/" "$1"
        cat "$dir/mariadbd.pid"
        """;

    /// <summary>The server's `hospital` database as user app, who may create and drop databases.</summary>
    public string ConnectionString { get; }

    public int Pid { get; private set; }

    public static async Task<FreezableMariaDb> StartAsync()
    {
        var stateFile = Path.Combine(Path.GetTempPath(), $"hospital-mariadb-frozen-{Environment.ProcessId}-{Guid.NewGuid():N}.state");
        var output = await RunAsync("mariadb-start.sh", stateFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var pid = int.Parse(File.ReadLines(stateFile).First(line => line.StartsWith("PID=", StringComparison.Ordinal))[4..], CultureInfo.InvariantCulture);
        return new FreezableMariaDb(stateFile, output.Trim(), pid);
    }

    /// <summary>A fresh empty database on this server, as a connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"f_{Guid.NewGuid():N}"[..18];
        await using (var connection = new MySqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new MySqlCommand($"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new MySqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Stalls the server as a hung machine would: connections stay open, nothing is answered. Returns once the kernel shows
    /// it stopped: the signal alone is delivered asynchronously, and the server could still answer meanwhile.
    /// </summary>
    public void Freeze()
    {
        Signal("STOP");
        while (!IsStopped()) Thread.Sleep(1);
    }

    public void Thaw() => Signal("CONT");

    /// <summary>Kills the server as a crash would (SIGKILL): open connections are reset, new ones refused.</summary>
    public async Task KillAsync()
    {
        Signal("KILL");
        while (Directory.Exists($"/proc/{Pid}")) await Task.Delay(10);
    }

    /// <summary>Starts the killed server again on its data and port (crash recovery included) and waits until it answers.</summary>
    public async Task RestartAsync()
    {
        var startInfo = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, ArgumentList = { "-c", RestartScript, "restart", _stateFile } };
        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"Restarting MariaDB failed ({process.ExitCode}): {await error}");
        Pid = int.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        Signal("CONT");
        await RunAsync("mariadb-stop.sh", _stateFile);
    }

    // /proc/PID/stat: "pid (comm) state ..."; every thread of a stopped process is in state T.
    private bool IsStopped() =>
        Directory.EnumerateDirectories($"/proc/{Pid}/task").All(task => File.ReadAllText(Path.Combine(task, "stat")).Split(") ")[1].StartsWith('T'));

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, Pid.ToString(CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
    }

    private static async Task<string> RunAsync(string script, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", script));
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        startInfo.Environment["MARIADB_FAST_COMMITS"] = "1";
        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"scripts/{script} failed ({process.ExitCode}): {await error}");
        return output;
    }
}
