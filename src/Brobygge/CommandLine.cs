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
        if (ControlCharacterIn(args) is { } argument)
        {
            // The same rule as for the pages and the API (InputRules): a NUL would break PostgreSQL or hide in a name.
            await cli.Error.WriteLineAsync($"error: {argument} contains a control character (such as NUL); remove it.");
            return 1;
        }
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

    /// <summary>The option (or the argument's position) whose value holds a control character, if one does.</summary>
    private static string? ControlCharacterIn(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (InputRules.IsCleanText(args[i], multiLine: false))
                continue;
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].IndexOf('=', StringComparison.Ordinal) is > 2 and var equals)
                return args[i][..equals];
            return i > 0 && args[i - 1].StartsWith("--", StringComparison.Ordinal) ? args[i - 1] : $"argument {i + 1}";
        }
        return null;
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
    {
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new CommandLineException($"{option} '{value}' is not a date in the form YYYY-MM-DD.");
        // The rule of the pages and the API (InputRules), so a project cannot start in year 1.
        var latest = InputRules.LatestDate(TimeProvider.System.Today());
        if (!InputRules.IsPlausible(date, TimeProvider.System.Today()))
            throw new CommandLineException($"{option} {value} is not between {InputRules.EarliestDate:yyyy-MM-dd} and {latest:yyyy-MM-dd}.");
        return date;
    }
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
