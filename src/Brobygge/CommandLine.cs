using System.CommandLine;
using System.Globalization;
using Brobygge.Data;
using Brobygge.Demo;
using Brobygge.Identity;
using Brobygge.Projects;
using Brobygge.Taxonomy;

namespace Brobygge;

/// <summary>The command line of the same program: <c>brobygge &lt;verb&gt;</c>. Each feature brings its verbs.</summary>
public static class CommandLine
{
    private static readonly HashSet<string> Verbs = ["migrate", "users", "projects", "goals", "seed-demo", "taxonomy"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var cli = new Cli(services, output ?? Console.Out, error ?? Console.Error);
        var root = new RootCommand("Brobygge: run a labour-market integration project. Without a verb it starts the web app.")
        {
            MigrateCommand.Create(cli),
            UsersCommand.Create(cli),
            ProjectsCommand.Create(cli),
            GoalsCommand.Create(cli),
            SeedDemoCommand.Create(cli),
            TaxonomyCommand.Create(cli),
        };
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = cli.Output, Error = cli.Error });
    }
}

/// <summary>What a verb's action needs: the services, and where to write.</summary>
public sealed class Cli(IServiceProvider services, TextWriter output, TextWriter error)
{
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>Runs the action in its own scope (system access); a <see cref="CommandLineException"/> becomes
    /// its message on standard error and exit code 1.</summary>
    public void Handle(Command command, Func<IServiceProvider, ParseResult, CancellationToken, Task> action)
        => command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var scope = services.CreateSystemScope();
            try
            {
                await action(scope.ServiceProvider, parseResult, cancellationToken);
                return 0;
            }
            catch (CommandLineException e)
            {
                await Error.WriteLineAsync($"error: {e.Message}");
                return 1;
            }
        });

    public static DateOnly ParseDate(string value, string option)
        => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CommandLineException($"{option} '{value}' is not a date in the form YYYY-MM-DD.");
}

/// <summary>A problem the user can fix; nothing has been written when it is thrown.</summary>
public sealed class CommandLineException(string message) : Exception(message);

public static class MigrateCommand
{
    public static Command Create(Cli cli)
    {
        var command = new Command("migrate", "Apply database migrations to the configured database. Never adds demo data.");
        cli.Handle(command, async (services, _, cancellationToken) =>
        {
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
            if (await BuiltInTaxonomy.EnsureLoadedAsync(services, cancellationToken) is > 0 and var loaded)
                await cli.Output.WriteLineAsync($"Loaded the built-in taxonomy ({loaded} concepts); `taxonomy import` adds the full one.");
            var provider = DatabaseSetup.ProviderOf(services.GetRequiredService<IConfiguration>());
            await cli.Output.WriteLineAsync($"The {provider} database is up to date.");
        });
        return command;
    }
}
