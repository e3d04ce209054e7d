using System.CommandLine;
using Brobygge.Data;
using Brobygge.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Projects;

public static class ProjectsCommand
{
    public static Command Create(Cli cli)
    {
        var code = new Option<string>("--code") { Description = "Short code, unique in the organisation (letters, digits, - and _)", Required = true };
        var name = new Option<string>("--name") { Description = "The project's name", Required = true };
        var start = new Option<string>("--start") { Description = "First day, YYYY-MM-DD", Required = true };
        var end = new Option<string>("--end") { Description = "Last day, YYYY-MM-DD", Required = true };
        var funder = new Option<string?>("--funder") { Description = "Funder, e.g. ESF+" };
        var profile = new Option<string?>("--funder-profile") { Description = $"The funder's rules: {FunderProfileNames.All} (default none)" };
        var organisation = new Option<string?>("--organisation") { Description = "Organisation name; created if there is none yet" };
        var add = new Command("add", "Create a project.") { code, name, start, end, funder, profile, organisation };
        cli.Handle(add, async (services, parse, cancellationToken) =>
        {
            var db = services.GetRequiredService<BrobyggeDb>();
            var projectCode = parse.GetValue(code)!.Trim();
            var projectName = parse.GetValue(name)!.Trim();
            var startsOn = Cli.ParseDate(parse.GetValue(start)!, "--start");
            var endsOn = Cli.ParseDate(parse.GetValue(end)!, "--end");
            if (!ProjectCode.IsValid(projectCode))
                throw new CommandLineException($"--code '{projectCode}' must be 1–40 letters, digits, '-' or '_'.");
            if (projectName.Length is 0 or > 200)
                throw new CommandLineException("--name must be 1–200 characters.");
            if (endsOn < startsOn)
                throw new CommandLineException($"--end {endsOn:yyyy-MM-dd} is before --start {startsOn:yyyy-MM-dd}.");
            var funderProfile = FunderProfileNames.Parse(parse.GetValue(profile));

            var owner = await OrganisationLookup.FindOrCreateAsync(db, parse.GetValue(organisation), cancellationToken);
            if (await db.Projects.AnyAsync(p => p.OrganisationId == owner.Id && p.Code == projectCode, cancellationToken))
                throw new CommandLineException($"A project with code '{projectCode}' already exists in {owner.Name}.");
            db.Projects.Add(new Project
            {
                OrganisationId = owner.Id, Code = projectCode, Name = projectName, StartsOn = startsOn, EndsOn = endsOn,
                Funder = parse.GetValue(funder), FunderProfile = funderProfile,
            });
            await db.SaveChangesAsync(cancellationToken);
            await cli.Output.WriteLineAsync($"Created project {projectCode} ({projectName}, {startsOn:yyyy-MM-dd} – {endsOn:yyyy-MM-dd}, funder profile {FunderProfileNames.Of(funderProfile)}) in {owner.Name}.");
        });
        return new Command("projects", "Manage projects.") { add, List(cli) };
    }

    private static Command List(Cli cli)
    {
        var list = new Command("list", "List every project: code, name, dates, organisation, funder profile and funder.");
        cli.Handle(list, async (services, _, cancellationToken) =>
        {
            var db = services.GetRequiredService<BrobyggeDb>();
            var projects = await db.Projects.AsNoTracking()
                .Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new { p.Code, p.Name, p.StartsOn, p.EndsOn, p.Funder, p.FunderProfile, Organisation = o.Name })
                .ToListAsync(cancellationToken);
            var rows = projects
                .OrderBy(p => p.Organisation, StringComparer.CurrentCulture).ThenBy(p => p.Code, StringComparer.OrdinalIgnoreCase)
                .Select(p => new[] { p.Code, p.Name, $"{p.StartsOn:yyyy-MM-dd} – {p.EndsOn:yyyy-MM-dd}", p.Organisation, FunderProfileNames.Of(p.FunderProfile), p.Funder ?? "" })
                .Prepend(["CODE", "NAME", "PERIOD", "ORGANISATION", "PROFILE", "FUNDER"])
                .ToList();
            var widths = Enumerable.Range(0, 5).Select(column => rows.Max(row => row[column].Length)).ToArray();
            foreach (var row in rows)
                await cli.Output.WriteLineAsync(string.Join("  ", row.Select((cell, column) => column < 5 ? cell.PadRight(widths[column]) : cell)).TrimEnd());
        });
        return list;
    }
}

public static class ProjectCode
{
    public static bool IsValid(string code)
        => code.Length is > 0 and <= 40 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Finds a project by code across organisations; the command line has no signed-in organisation.</summary>
    public static async Task<Project> FindAsync(BrobyggeDb db, string code, CancellationToken cancellationToken)
    {
        code = code.Trim();
        var matches = await db.Projects.Where(p => p.Code == code).ToListAsync(cancellationToken);
        return matches.Count switch
        {
            0 => throw new CommandLineException($"There is no project with code '{code}'."),
            1 => matches[0],
            _ => throw new CommandLineException($"Several organisations have a project with code '{code}'."),
        };
    }
}

/// <summary>The funder profiles as people type them on the command line.</summary>
public static class FunderProfileNames
{
    private static readonly (string Name, FunderProfileKind Kind)[] Names =
    [
        ("none", FunderProfileKind.None), ("esf-2014", FunderProfileKind.Esf2014), ("esf-plus-2021", FunderProfileKind.EsfPlus2021),
        ("amif-2014", FunderProfileKind.Amif2014), ("amif-2021", FunderProfileKind.Amif2021),
    ];

    public static string All => string.Join(", ", Names.Select(n => n.Name));

    public static string Of(FunderProfileKind kind) => Names.First(n => n.Kind == kind).Name;

    /// <summary>Null or empty is none; an unknown name is an error that lists the known ones.</summary>
    public static FunderProfileKind Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return FunderProfileKind.None;
        foreach (var (known, kind) in Names)
            if (string.Equals(name.Trim(), known, StringComparison.OrdinalIgnoreCase))
                return kind;
        throw new CommandLineException($"--funder-profile '{name.Trim()}' is not a funder profile; use one of: {All}.");
    }
}
