using Brobygge.Identity;
using Brobygge.Participants;
using Brobygge.Projects;

namespace Brobygge.Tests.Projects;

public class GoalParsingTests
{
    [Fact]
    public void Each_indicator_is_read_as_a_goal_for_everyone()
    {
        var goals = GoalsCommand.Parse(["participants=330", "employed=115", "studying=50", "retained_6m=98"]);

        List<(GoalIndicator, Gender?, int)> expected =
            [(GoalIndicator.Participants, null, 330), (GoalIndicator.Employed, null, 115), (GoalIndicator.Studying, null, 50), (GoalIndicator.Retained6m, null, 98)];
        Assert.Equal(expected, goals);
    }

    [Theory]
    [InlineData("employed:woman=50", GoalIndicator.Employed, Gender.Woman, 50)]
    [InlineData("employed:kvinna=50", GoalIndicator.Employed, Gender.Woman, 50)]
    [InlineData("studying:man=20", GoalIndicator.Studying, Gender.Man, 20)]
    [InlineData("participants:non_binary=3", GoalIndicator.Participants, Gender.NonBinary, 3)]
    [InlineData("participants:icke-binär=3", GoalIndicator.Participants, Gender.NonBinary, 3)]
    [InlineData("Retained_6M:Woman=40", GoalIndicator.Retained6m, Gender.Woman, 40)]
    public void A_gender_after_a_colon_makes_a_goal_for_that_gender(string argument, GoalIndicator indicator, Gender gender, int target)
        => Assert.Equal((indicator, (Gender?)gender, target), Assert.Single(GoalsCommand.Parse([argument])));

    [Theory]
    [InlineData("EMPLOYED=115", GoalIndicator.Employed, 115)]
    [InlineData(" studying = 50 ", GoalIndicator.Studying, 50)]
    [InlineData("studying=0", GoalIndicator.Studying, 0)]
    [InlineData("participants=10000000", GoalIndicator.Participants, 10_000_000)]
    public void Names_ignore_case_and_spaces_and_targets_run_from_zero_to_ten_million(string argument, GoalIndicator indicator, int target)
        => Assert.Equal((indicator, (Gender?)null, target), Assert.Single(GoalsCommand.Parse([argument])));

    [Fact]
    public void The_goal_for_everyone_and_the_goal_for_one_gender_are_different_goals()
    {
        var goals = GoalsCommand.Parse(["employed=115", "employed:woman=50"]);

        List<(GoalIndicator, Gender?, int)> expected = [(GoalIndicator.Employed, null, 115), (GoalIndicator.Employed, Gender.Woman, 50)];
        Assert.Equal(expected, goals);
    }

    [Theory]
    [InlineData("jobs=5", "'jobs' is not an indicator")]
    [InlineData("=5", "'' is not an indicator")]
    [InlineData("employed", "'employed' is not indicator=value")]
    [InlineData("employed=-3", "'-3'")]
    [InlineData("employed=+3", "'+3'")]
    [InlineData("employed=abc", "'abc'")]
    [InlineData("employed=1.5", "'1.5'")]
    [InlineData("employed=", "'' in 'employed='")]
    [InlineData("employed=10000001", "'10000001'")]
    [InlineData("employed=99999999999", "'99999999999'")]
    [InlineData("employed:girl=5", "'girl' is not a gender")]
    [InlineData("employed:=5", "'' is not a gender")]
    public void A_bad_argument_is_refused_and_named(string argument, string messagePart)
    {
        var problem = Assert.Throws<CommandLineException>(() => GoalsCommand.Parse(["participants=330", argument]));

        Assert.Contains(messagePart, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("participants=330", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_argument_is_reported_at_once()
    {
        var problem = Assert.Throws<CommandLineException>(() => GoalsCommand.Parse(
            ["participants=330", "jobs=5", "employed=-3", "studying=abc", "retained_6m:girl=4", "employed"]));

        var lines = problem.Message.Split(Environment.NewLine);
        Assert.Equal(5, lines.Length);
        Assert.Contains("'jobs'", lines[0], StringComparison.Ordinal);
        Assert.Contains("'-3'", lines[1], StringComparison.Ordinal);
        Assert.Contains("'abc'", lines[2], StringComparison.Ordinal);
        Assert.Contains("'girl'", lines[3], StringComparison.Ordinal);
        Assert.Contains("'employed' is not indicator=value", lines[4], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("employed=1", "employed=2")]
    [InlineData("employed=1", "EMPLOYED=1")]
    [InlineData("employed:woman=1", "employed:kvinna=2")]
    public void The_same_goal_twice_on_one_line_is_refused(string first, string second)
    {
        var problem = Assert.Throws<CommandLineException>(() => GoalsCommand.Parse([first, second]));

        Assert.Contains($"'{second}' sets the same goal twice", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("coach", Roles.Coach)]
    [InlineData("COACH", Roles.Coach)]
    [InlineData("ProjectManager", Roles.ProjectManager)]
    [InlineData("projectmanager", Roles.ProjectManager)]
    [InlineData("project-manager", Roles.ProjectManager)]
    [InlineData("project_manager", Roles.ProjectManager)]
    [InlineData("Project-Manager", Roles.ProjectManager)]
    [InlineData("bridge-builder", Roles.BridgeBuilder)]
    [InlineData("employer_liaison", Roles.EmployerLiaison)]
    [InlineData("partner-liaison", Roles.PartnerLiaison)]
    [InlineData("evaluator", Roles.Evaluator)]
    [InlineData("Administrator", Roles.Administrator)]
    public void A_role_is_found_in_any_case_and_in_kebab_or_snake_form(string name, string role)
        => Assert.Equal(role, Roles.Find(name));

    [Theory]
    [InlineData("janitor")]
    [InlineData("admin")]
    [InlineData("project manager")]
    [InlineData("")]
    public void An_unknown_role_is_not_found(string name)
        => Assert.Null(Roles.Find(name));

    [Theory]
    [InlineData("woman", Gender.Woman)]
    [InlineData("Woman", Gender.Woman)]
    [InlineData("kvinna", Gender.Woman)]
    [InlineData("KVINNA", Gender.Woman)]
    [InlineData("man", Gender.Man)]
    [InlineData("MAN", Gender.Man)]
    [InlineData("non_binary", Gender.NonBinary)]
    [InlineData("icke-binär", Gender.NonBinary)]
    [InlineData("ICKE-BINÄR", Gender.NonBinary)]
    public void A_gender_is_found_by_its_english_or_swedish_name_in_any_case(string name, Gender gender)
        => Assert.Equal(gender, GenderNames.Find(name));

    [Theory]
    [InlineData("female")]
    [InlineData("kvinnor")]
    [InlineData("w")]
    [InlineData("")]
    public void An_unknown_gender_is_not_found(string name)
        => Assert.Null(GenderNames.Find(name));

    [Theory]
    [InlineData(Gender.Woman)]
    [InlineData(Gender.Man)]
    [InlineData(Gender.NonBinary)]
    public void The_name_written_for_a_gender_is_read_back_as_the_same_gender(Gender gender)
        => Assert.Equal(gender, GenderNames.Find(GenderNames.NameOf(gender)));
}
