using Brobygge.Projects;

namespace Brobygge.FollowUps;

/// <summary>The dates a follow-up may be made on, both included.</summary>
public readonly record struct FollowUpWindow(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => From <= date && date <= To;
}

/// <summary>
/// When each scheduled follow-up may be made, counted from the exit. The ESF+ result indicators look at the situation
/// "upon leaving" (within four weeks) and "six months after leaving" (Regulation (EU) 2021/1057, Annex I, points 2–3);
/// the defaults leave room around those dates — four-week: 0–8 weeks after exit, six-month: 5–9 months — and a project
/// whose funder says otherwise sets its own (<see cref="Project"/>). A follow-up outside its window is no such result.
/// </summary>
public sealed record FollowUpWindows(int FourWeeksFromDays, int FourWeeksToDays, int SixMonthsFromMonths, int SixMonthsToMonths)
{
    public static readonly FollowUpWindows Default = new(0, 56, 5, 9);

    public static FollowUpWindows Of(Project? project) => project is null ? Default : new(
        project.FourWeekFollowUpFromDays ?? Default.FourWeeksFromDays, project.FourWeekFollowUpToDays ?? Default.FourWeeksToDays,
        project.SixMonthFollowUpFromMonths ?? Default.SixMonthsFromMonths, project.SixMonthFollowUpToMonths ?? Default.SixMonthsToMonths);

    /// <summary>The window of a scheduled follow-up after an exit on that date; none for one on demand.</summary>
    public FollowUpWindow? For(FollowUpKind kind, DateOnly exitedOn) => kind switch
    {
        FollowUpKind.FourWeeks => new FollowUpWindow(exitedOn.AddDays(FourWeeksFromDays), exitedOn.AddDays(FourWeeksToDays)),
        FollowUpKind.SixMonths => new FollowUpWindow(exitedOn.AddMonths(SixMonthsFromMonths), exitedOn.AddMonths(SixMonthsToMonths)),
        _ => null,
    };
}
