using System.CommandLine;
using System.Globalization;
using Brobygge.Data;
using Brobygge.Participants;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Projects;

public static class GoalsCommand
{
    public static Command Create(Cli cli)
    {
        var project = new Option<string>("--project") { Description = "Project code", Required = true };
        var targets = new Argument<string[]>("targets")
        {
            Description = "indicator=value, or indicator:gender=value for one gender. Indicators: participants, mapped, with_plan, in_activity, internship, employed, studying, employed_or_internship, employed_or_studying, retained_6m; genders: woman, man, non_binary",
            Arity = ArgumentArity.OneOrMore,
        };
        var set = new Command("set", "Set the project's goals (replaces the targets named, keeps the others).") { project, targets };
        cli.Handle(set, async (services, parse, cancellationToken) =>
        {
            var db = services.GetRequiredService<BrobyggeDb>();
            var parsed = Parse(parse.GetValue(targets)!);
            var owner = await ProjectCode.FindAsync(db, parse.GetValue(project)!, cancellationToken);
            var existing = await db.Goals.Where(g => g.ProjectId == owner.Id).ToListAsync(cancellationToken);
            foreach (var (indicator, gender, target) in parsed)
            {
                var goal = existing.FirstOrDefault(g => g.Indicator == indicator && g.Gender == gender);
                if (goal is null)
                    db.Goals.Add(goal = new Goal { OrganisationId = owner.OrganisationId, ProjectId = owner.Id, Indicator = indicator, Gender = gender });
                goal.Target = target;
            }
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (indicator, gender, target) in parsed)
                await cli.Output.WriteLineAsync($"{owner.Code}: {GoalIndicators.NameOf(indicator)}{(gender is null ? "" : ":" + GenderNames.NameOf(gender.Value))} = {target}");
        });
        return new Command("goals", "Manage a project's goals.") { set };
    }

    /// <summary>Reads every target first and reports every bad one, so nothing is saved from a half-right line.</summary>
    public static List<(GoalIndicator Indicator, Gender? Gender, int Target)> Parse(IEnumerable<string> arguments)
    {
        var parsed = new List<(GoalIndicator, Gender?, int)>();
        var problems = new List<string>();
        foreach (var argument in arguments)
        {
            var parts = argument.Split('=', 2);
            var key = parts[0].Split(':', 2);
            Gender? gender = null;
            if (parts.Length != 2)
                problems.Add($"'{argument}' is not indicator=value.");
            else if (!GoalIndicators.ByName.TryGetValue(key[0].Trim(), out var indicator))
                problems.Add($"'{key[0]}' is not an indicator; use one of: {string.Join(", ", GoalIndicators.ByName.Keys)}.");
            else if (key.Length == 2 && (gender = GenderNames.Find(key[1].Trim())) is null)
                problems.Add($"'{key[1]}' is not a gender; use woman, man or non_binary.");
            else if (!int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var target) || target > 10_000_000)
                problems.Add($"'{parts[1]}' in '{argument}' is not a whole number from 0 to 10000000.");
            else if (parsed.Any(p => p.Item1 == indicator && p.Item2 == gender))
                problems.Add($"'{argument}' sets the same goal twice.");
            else
                parsed.Add((indicator, gender, target));
        }
        return problems.Count > 0 ? throw new CommandLineException(string.Join(Environment.NewLine, problems)) : parsed;
    }
}
