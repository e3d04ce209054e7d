using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Brobygge.Tests;

/// <summary>Issue 11, item 8: the real program, started as a script would, answers help and a misspelt verb at once
/// instead of starting a web server that never returns.</summary>
public sealed class CommandLineEntryTests
{
    /// <summary>Every verb, from the root command itself, so the tests follow the program.</summary>
    private static readonly string[] Verbs = [.. CommandLine.CreateRoot(new Cli(new ServiceCollection().BuildServiceProvider(), TextWriter.Null, TextWriter.Null))
        .Subcommands.Select(verb => verb.Name)];

    /// <summary>Runs <c>dotnet Brobygge.dll ARGS</c> on an empty folder; a run that has not ended after a minute (a web
    /// server, on a loaded machine) is killed and fails the test instead of hanging it.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunProgramAsync(params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("brobygge-cli-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Brobygge.dll"));
            foreach (var argument in args)
                start.ArgumentList.Add(argument);
            start.Environment["ConnectionStrings__Brobygge"] = $"Data Source={Path.Combine(folder, "brobygge.db")}";
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"`brobygge {string.Join(' ', args)}` did not return: {await output}");
            }
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Help_prints_every_verb_and_exits_0()
    {
        var (exitCode, output, error) = await RunProgramAsync("--help");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Usage:", output);
        Assert.All(Verbs, verb => Assert.Contains("  " + verb, output));
    }

    [Fact]
    public async Task A_misspelt_verb_names_itself_lists_the_verbs_and_exits_1()
    {
        var (exitCode, output, error) = await RunProgramAsync("improt", "--dry-run");

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("Now listening", output);
        Assert.Contains("error: ", error);
        Assert.Contains("'improt'", error);
        Assert.DoesNotContain("Required command was not provided", error);
        Assert.All(Verbs, verb => Assert.Contains("  " + verb, error));
    }

    [Fact]
    public void The_verbs_include_the_ones_scripts_use()
        => Assert.Superset(new HashSet<string> { "migrate", "users", "projects", "goals", "seed-demo", "taxonomy" }, Verbs.ToHashSet());

    [Theory]
    [InlineData(true, "--help")]
    [InlineData(true, "-h")]
    [InlineData(true, "-?")]
    [InlineData(true, "--version")]
    [InlineData(true, "migrate")]
    [InlineData(true, "improt")]
    [InlineData(true, "users", "frobnicate")]
    [InlineData(false)]
    [InlineData(false, "--urls", "http://127.0.0.1:5005")]
    [InlineData(false, "--environment", "Production")]
    [InlineData(false, "urls=http://127.0.0.1:5005")]
    public void A_first_argument_that_is_not_an_option_or_a_setting_is_a_verb(bool commandLine, params string[] args)
        => Assert.Equal(commandLine, CommandLine.IsCommandLine(args));
}
