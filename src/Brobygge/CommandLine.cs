using System.CommandLine;
using System.CommandLine.Parsing;
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
    /// <summary>Help and version are the command line's; every other option (<c>--urls</c>, <c>--environment</c>, …) and a
    /// configuration setting (<c>urls=http://…</c>) belong to the web host.</summary>
    private static readonly HashSet<string> CommandLineOptions = ["--help", "-h", "-?", "/h", "/?", "--version"];

    /// <summary>Which of the two programs the arguments ask for. No arguments, or a first argument that is a web-host
    /// option or a setting, start the web app; anything else is a verb, known or not, so that a misspelt verb is an
    /// error that returns at once instead of a web server that never does.</summary>
    public static bool IsCommandLine(string[] args)
        => args.Length > 0 && (CommandLineOptions.Contains(args[0]) || !(args[0].StartsWith('-') || args[0].Contains('=')));

    /// <summary>Every verb, each feature bringing its own; help and the "unknown verb" error list them from here.</summary>
    public static RootCommand CreateRoot(Cli cli) => new("Brobygge: run a labour-market integration project. Without a verb it starts the web app.")
    {
        MigrateCommand.Create(cli),
        UsersCommand.Create(cli),
        ProjectsCommand.Create(cli),
        GoalsCommand.Create(cli),
        SeedDemoCommand.Create(cli),
        TaxonomyCommand.Create(cli),
        Imports.ImportCommand.Create(cli),
        Evaluation.ExportCommand.Create(cli),
        Reports.ReportCommand.Create(cli),
    };

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var cli = new Cli(services, output ?? Console.Out, error ?? Console.Error);
        if (ControlCharacterIn(args) is { } argument)
        {
            // The same rule as for the pages and the API (InputRules): a NUL would break PostgreSQL or hide in a name.
            await cli.Error.WriteLineAsync($"error: {argument} contains a control character (such as NUL); remove it.");
            return 1;
        }
        var root = CreateRoot(cli);
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = cli.Output, Error = cli.Error };
        // A verb that does not exist (or a group like `users` without its sub-verb) names the problem and lists what there is.
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in MainErrors(parsed))
                await cli.Error.WriteLineAsync($"error: {problem.Message}");
            await cli.Error.WriteLineAsync();
            await root.Parse([.. VerbPath(parsed), "--help"]).InvokeAsync(new InvocationConfiguration { Output = cli.Error, Error = cli.Error });
            return 1;
        }
        return await parsed.InvokeAsync(configuration);
    }

    /// <summary>For `improt`, "unrecognized 'improt'" and not also "required command was not provided".</summary>
    private static IEnumerable<ParseError> MainErrors(ParseResult parsed)
    {
        var unrecognized = parsed.Errors.Where(e => parsed.UnmatchedTokens.Any(token => e.Message.Contains($"'{token}'", StringComparison.Ordinal))).ToList();
        return unrecognized.Count > 0 ? unrecognized : parsed.Errors;
    }

    /// <summary>The verbs the user got right (`users` of `users frobnicate`), to show their help.</summary>
    private static List<string> VerbPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result.Parent is CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return names;
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
