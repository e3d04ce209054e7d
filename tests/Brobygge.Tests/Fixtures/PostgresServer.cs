using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Brobygge.Tests.Fixtures;

/// <summary>
/// A real PostgreSQL server for the tests: the one named by BROBYGGE_TEST_POSTGRES, or a throwaway cluster
/// started from the machine's PostgreSQL binaries in a temp folder on a free port (as the postgres user
/// when the tests run as root, because PostgreSQL refuses root). Each test class gets its own database.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<(string? ConnectionString, string? Problem)>> Server = new(StartAsync);

    /// <summary>A connection string to a fresh, empty database; the test is skipped, with the reason, where
    /// no server can be had.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var (server, problem) = await Server.Value;
        if (server is null)
            Assert.Skip($"No PostgreSQL server for the tests: {problem}");
        var name = "brobygge_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    private static async Task<(string?, string?)> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("BROBYGGE_TEST_POSTGRES") is { Length: > 0 } given)
            return (given, null);

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
            return (null, "set BROBYGGE_TEST_POSTGRES, or install the PostgreSQL server binaries (initdb, pg_ctl).");

        var asRoot = Environment.UserName == "root";
        var folder = Directory.CreateTempSubdirectory("brobygge-pg-").FullName;
        var data = Path.Combine(folder, "data");
        if (asRoot)
        {
            var chown = await RunAsync("chown", ["-R", "postgres:postgres", folder], asPostgres: false);
            if (chown is not null)
                return (null, $"could not hand {folder} to the postgres user: {chown}");
        }
        var port = FreePort();
        var problem = await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"], asRoot)
            ?? await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "log"), "-w", "-o",
                $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"], asRoot);
        if (problem is not null)
            return (null, problem);

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], asRoot).GetAwaiter().GetResult();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return ($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false", null);
    }

    /// <summary>Runs a command; null when it succeeded, else what it said.</summary>
    private static async Task<string?> RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
            foreach (var argument in new[] { "-u", "postgres", "--", file })
                start.ArgumentList.Add(argument);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? null : $"{Path.GetFileName(file)} failed ({process.ExitCode}): {await error}{await output}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{file} could not start: {e.Message}";
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
