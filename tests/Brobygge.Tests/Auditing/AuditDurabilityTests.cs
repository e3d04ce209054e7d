using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Auditing;

/// <summary>
/// An audit event is durable before the response it records is sent: the real program, started as a process of its
/// own on the test's database, is killed (SIGKILL) in the middle of a burst of reads, and every read that was
/// answered 200 has its event.
/// </summary>
[Trait("Category", "Security")]
public abstract class AuditDurabilityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    [Fact]
    public async Task Killing_the_program_mid_burst_loses_no_event_of_an_answered_read()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        await using var program = await RunningProgram.StartAsync(_app);
        var page = await program.LoginAsync(coach);
        // Over a real socket the remote address is known, also for an anonymous, failed login.
        await BrobyggeApp.PostFormAsync(program.Client(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }),
            "/Identity/Login", new() { ["Email"] = coach.Email!, ["Password"] = "Not-the-password-1" });
        var api = program.Client();
        var tokens = await (await api.PostAsJsonAsync("/api/v1/tokens", new { email = coach.Email, password = BrobyggeApp.Password })).ReadAsync<ApiTesting.Tokens>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        var answered = 0;
        var failed = 0;
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; ; i++)
            {
                try
                {
                    var response = (worker + i) % 2 == 0
                        ? await page.GetAsync($"/Participants/Details/{enrolment.PersonId}", HttpCompletionOption.ResponseHeadersRead)
                        : await api.GetAsync($"/api/v1/participants/{enrolment.PersonId}", HttpCompletionOption.ResponseHeadersRead);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    if (Interlocked.Increment(ref answered) >= 150)
                        enough.TrySetResult();
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                    return; // the program is gone
                }
            }
        })).ToList();

        // A worker that fails (not 200) ends the burst early; WhenAll below reports it.
        await Task.WhenAny(enough.Task, Task.WhenAll(workers));
        program.Kill();
        await Task.WhenAll(workers);

        Assert.True(failed > 0, "The program was killed after every request had finished, so nothing was in flight.");
        var recorded = await _app.WithDbAsync((db, _) => db.AuditEvents.CountAsync(a => a.Action == AuditAction.Read && a.EntityId == enrolment.PersonId && a.UserId == coach.Id));
        TestContext.Current.TestOutputHelper?.WriteLine($"{answered} reads answered 200, {failed} cut off by the kill, {recorded} recorded");
        // Requests in flight at the kill may have their event without their answer, never the other way round.
        Assert.True(recorded >= Volatile.Read(ref answered), $"{Volatile.Read(ref answered)} reads answered 200, {recorded} recorded");
        var sources = await _app.WithDbAsync((db, _) => db.AuditEvents.Where(a => a.OrganisationId == project.OrganisationId && (a.Action == AuditAction.Read || a.Action == AuditAction.LoginFailed))
            .Select(a => a.Action + " " + a.Source).Distinct().ToListAsync());
        Assert.Equal(["LoginFailed 127.0.0.1", "Read 127.0.0.1"], sources.Order(StringComparer.Ordinal));
        // A batch the kill interrupted gave its numbers back: the order still has no gap.
        var sequences = await _app.WithDbAsync((db, _) => db.AuditEvents.Where(a => a.OrganisationId == project.OrganisationId).OrderBy(a => a.Sequence).Select(a => a.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => (long)n), sequences);
    }

    /// <summary>dotnet Brobygge.dll on the fixture's database, on a free port.</summary>
    private sealed class RunningProgram : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly Uri _address;

        private RunningProgram(Process process, Uri address)
        {
            _process = process;
            _address = address;
        }

        public static async Task<RunningProgram> StartAsync(BrobyggeApp app)
        {
            var dll = ProgramDll();
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(dll);
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Database__Provider"] = app.Provider.ToString();
            // Pooling as in production: the burst should not be limited by opening connections.
            start.Environment["ConnectionStrings__Brobygge"] = app.ConnectionString.Replace("Pooling=false", "Pooling=true", StringComparison.OrdinalIgnoreCase);
            start.Environment["Privacy__KeyEncryptionKey"] = app.KeyEncryptionKey;
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var program = new RunningProgram(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
            program._process.OutputDataReceived += (_, e) => program.Log(e.Data);
            program._process.ErrorDataReceived += (_, e) => program.Log(e.Data);
            program._process.BeginOutputReadLine();
            program._process.BeginErrorReadLine();
            await program.WaitUntilHealthyAsync();
            return program;
        }

        private void Log(string? line)
        {
            lock (_output)
                _output.AppendLine(line);
        }

        private async Task WaitUntilHealthyAsync()
        {
            using var client = Client();
            for (var attempt = 0; attempt < 600; attempt++)
            {
                if (_process.HasExited)
                    break;
                try
                {
                    if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                        return;
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(100);
            }
            Kill();
            lock (_output)
                Assert.Fail("The program did not start: " + _output);
        }

        public HttpClient Client(HttpMessageHandler? handler = null)
            => new(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _address };

        public async Task<HttpClient> LoginAsync(User user)
        {
            var client = Client(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
            var response = await BrobyggeApp.PostFormAsync(client, "/Identity/Login", new() { ["Email"] = user.Email!, ["Password"] = BrobyggeApp.Password });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return client;
        }

        /// <summary>SIGKILL: no shutdown, no flushing, as a crash or an OOM kill.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public ValueTask DisposeAsync()
        {
            Kill();
            _process.Dispose();
            return ValueTask.CompletedTask;
        }

        /// <summary>The program as built with the tests (src/Brobygge/bin/…); the copy beside the tests otherwise.</summary>
        private static string ProgramDll()
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            for (var folder = output; folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, "Brobygge.slnx")))
                {
                    var built = Path.Combine(folder.FullName, "src", "Brobygge", "bin", output.Parent!.Name, output.Name, "Brobygge.dll");
                    if (File.Exists(built))
                        return built;
                }
            return typeof(Program).Assembly.Location;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}

public sealed class SqliteAuditDurabilityTests(SqliteApp app) : AuditDurabilityTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresAuditDurabilityTests(PostgresApp app) : AuditDurabilityTests<PostgresApp>(app);
