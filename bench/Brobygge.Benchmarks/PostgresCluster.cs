using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Brobygge.Benchmarks;

/// <summary>
/// A throwaway PostgreSQL cluster, started as the tests' fixture starts one: the machine's server binaries
/// (/usr/lib/postgresql/*/bin), a temp folder, a free port, as the postgres user when run as root. Stopped and
/// deleted on dispose.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asRoot;

    private PostgresCluster(string bin, string folder, bool asRoot, int port)
    {
        _bin = bin;
        _folder = folder;
        _asRoot = asRoot;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false;Command Timeout=0";

    /// <summary>The server's log (with <c>explain</c>, auto_explain's plans of the slow statements).</summary>
    public string LogPath => Path.Combine(_folder, "log");

    /// <param name="explain">Logs the plan, with its actual times, of every statement that takes more than 200 ms
    /// (auto_explain): for finding where the time goes, never for the figures, since it slows every statement.</param>
    public static async Task<PostgresCluster> StartAsync(bool explain = false)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException("No PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql: apt-get install postgresql.");
        var asRoot = Environment.UserName == "root";
        var folder = Directory.CreateTempSubdirectory("brobygge-bench-pg-").FullName;
        if (asRoot)
            await RunAsync("chown", ["-R", "postgres:postgres", folder], asPostgres: false);
        var port = FreePort();
        var cluster = new PostgresCluster(bin, folder, asRoot, port);
        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"], asRoot);
        // The same settings as the tests' cluster: a throwaway server need not survive a power cut.
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "log"), "-w", "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB"
            + (explain ? " -c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=200 -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on" : ""),
            "start"], asRoot);
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop"], _asRoot);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
            foreach (var argument in new[] { "-u", "postgres", "--", file })
                start.ArgumentList.Add(argument);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await error}{await output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
