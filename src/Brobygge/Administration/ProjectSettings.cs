using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.FollowUps;
using Brobygge.Projects;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Administration;

public sealed class ProjectInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string? Funder { get; set; }
    public FunderProfileKind? FunderProfile { get; set; }
    public string? TargetGroup { get; set; }

    /// <summary>The districts, one per line or separated by commas.</summary>
    [MultiLine] public string? Districts { get; set; }

    // The follow-up windows, empty for the defaults (FollowUpWindows.Default).
    public int? FourWeekFollowUpFromDays { get; set; }
    public int? FourWeekFollowUpToDays { get; set; }
    public int? SixMonthFollowUpFromMonths { get; set; }
    public int? SixMonthFollowUpToMonths { get; set; }
    public Guid? Version { get; set; }

    public static ProjectInput Of(Project project) => new()
    {
        Code = project.Code, Name = project.Name, StartsOn = project.StartsOn, EndsOn = project.EndsOn, Funder = project.Funder,
        FunderProfile = project.FunderProfile, TargetGroup = project.TargetGroup, Districts = string.Join("\n", project.Districts),
        FourWeekFollowUpFromDays = project.FourWeekFollowUpFromDays, FourWeekFollowUpToDays = project.FourWeekFollowUpToDays,
        SixMonthFollowUpFromMonths = project.SixMonthFollowUpFromMonths, SixMonthFollowUpToMonths = project.SixMonthFollowUpToMonths,
        Version = project.Version,
    };
}

/// <summary>Setting up and changing a project of the administrator's organisation, what <c>projects add</c> does on the
/// command line, with the settings it has no options for (districts, follow-up windows).</summary>
public static class ProjectSettings
{
    public const int MaxDistricts = 50;

    public static async Task<Project?> CreateAsync(BrobyggeDb db, ProjectInput input, Problems problems, CancellationToken cancellationToken)
    {
        var project = new Project { OrganisationId = db.Scope.OrganisationId, Code = "", Name = "" };
        if (!await ApplyAsync(db, input, project, problems, cancellationToken))
            return null;
        db.Projects.Add(project);
        AdminAudit.Changed(db, AuditAction.Create, nameof(Project), project.Id);
        await db.SaveChangesAsync(cancellationToken);
        return project;
    }

    public static async Task<Project?> UpdateAsync(BrobyggeDb db, Guid id, ProjectInput input, Problems problems, CancellationToken cancellationToken)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("The project");
        problems.RequireVersion(input.Version);
        if (!await ApplyAsync(db, input, project, problems, cancellationToken))
            return null;
        AdminAudit.Changed(db, AuditAction.Update, nameof(Project), project.Id);
        await db.SaveEditAsync(project, input.Version!.Value, "The project", cancellationToken);
        return project;
    }

    private static async Task<bool> ApplyAsync(BrobyggeDb db, ProjectInput input, Project project, Problems problems, CancellationToken cancellationToken)
    {
        var code = input.Code?.Trim() ?? "";
        if (!ProjectCode.IsValid(code))
            problems.Add(nameof(input.Code), "The code is 1–40 letters, digits, - or _.");
        else if (await db.Projects.AnyAsync(p => p.Code == code && p.Id != project.Id, cancellationToken))
            problems.Add(nameof(input.Code), "Another project of the organisation has this code.");
        if (string.IsNullOrWhiteSpace(input.Name))
            problems.Add(nameof(input.Name), "Enter the project's name.");
        problems.CheckLength(nameof(input.Name), input.Name, 200);
        if (input.StartsOn is null)
            problems.Add(nameof(input.StartsOn), "Enter the date.");
        if (input.EndsOn is null)
            problems.Add(nameof(input.EndsOn), "Enter the date.");
        else if (input.StartsOn is { } starts && input.EndsOn < starts)
            problems.Add(nameof(input.EndsOn), "The end date is before the start date.");
        problems.CheckLength(nameof(input.Funder), input.Funder, 200);
        problems.CheckLength(nameof(input.TargetGroup), input.TargetGroup, 500);
        var districts = (input.Districts ?? "").Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.CurrentCultureIgnoreCase).ToList();
        if (districts.Count > MaxDistricts || districts.Any(d => d.Length > 100))
            problems.Add(nameof(input.Districts), "At most 50 districts, each at most 100 characters.");
        CheckWindows(input, problems);
        if (problems.Any)
            return false;

        project.Code = code;
        project.Name = input.Name!.Trim();
        project.StartsOn = input.StartsOn!.Value;
        project.EndsOn = input.EndsOn!.Value;
        project.Funder = FreeText.Stored(input.Funder);
        project.FunderProfile = input.FunderProfile ?? FunderProfileKind.None;
        project.TargetGroup = FreeText.Stored(input.TargetGroup);
        project.Districts = districts;
        project.FourWeekFollowUpFromDays = input.FourWeekFollowUpFromDays;
        project.FourWeekFollowUpToDays = input.FourWeekFollowUpToDays;
        project.SixMonthFollowUpFromMonths = input.SixMonthFollowUpFromMonths;
        project.SixMonthFollowUpToMonths = input.SixMonthFollowUpToMonths;
        return true;
    }

    /// <summary>Each window lies after the exit and ends no earlier than it begins, the defaults filling what is left
    /// empty; the four-week one within a year, the six-month one within two.</summary>
    private static void CheckWindows(ProjectInput input, Problems problems)
    {
        var defaults = FollowUpWindows.Default;
        if (input.FourWeekFollowUpFromDays is < 0 or > 365)
            problems.Add(nameof(input.FourWeekFollowUpFromDays), "Enter a number of days from 0 to 365.");
        if (input.FourWeekFollowUpToDays is < 0 or > 365)
            problems.Add(nameof(input.FourWeekFollowUpToDays), "Enter a number of days from 0 to 365.");
        else if ((input.FourWeekFollowUpToDays ?? defaults.FourWeeksToDays) < (input.FourWeekFollowUpFromDays ?? defaults.FourWeeksFromDays))
            problems.Add(nameof(input.FourWeekFollowUpToDays), "The window ends before it begins.");
        if (input.SixMonthFollowUpFromMonths is < 0 or > 24)
            problems.Add(nameof(input.SixMonthFollowUpFromMonths), "Enter a number of months from 0 to 24.");
        if (input.SixMonthFollowUpToMonths is < 0 or > 24)
            problems.Add(nameof(input.SixMonthFollowUpToMonths), "Enter a number of months from 0 to 24.");
        else if ((input.SixMonthFollowUpToMonths ?? defaults.SixMonthsToMonths) < (input.SixMonthFollowUpFromMonths ?? defaults.SixMonthsFromMonths))
            problems.Add(nameof(input.SixMonthFollowUpToMonths), "The window ends before it begins.");
    }
}
