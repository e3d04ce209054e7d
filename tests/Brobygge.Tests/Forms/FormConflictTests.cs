using System.Net;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Plans;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Forms;

/// <summary>
/// Two people edit the same record; the second save started from the version before the first. Whatever the form,
/// nothing of the second is written, what its author typed stays in the fields, the first person's version stands
/// beside each field where the two differ, and the form now carries the version just shown, so saving again is a choice made
/// after seeing the other change.
/// </summary>
public abstract class FormConflictTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private static async Task<string> ShownAgainAsync(HttpResponseMessage response)
    {
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: the form was not shown again: {page}");
        Assert.Contains("Någon annan sparade medan du ändrade. Inget sparades.", page);
        return page;
    }

    private async Task<(HttpClient Coach, HttpClient Manager, Guid EnrolmentId)> TwoColleaguesAsync()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var manager = await _app.CreateUserAsync(Roles.ProjectManager, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 1, 10));
        return (await _app.LoginAsync(coach), await _app.LoginAsync(manager), enrolment.Id);
    }

    [Fact]
    public async Task A_plan_step_saved_over_someone_elses_change_keeps_what_was_typed_and_shows_their_version_beside_it()
    {
        var (coach, manager, enrolmentId) = await TwoColleaguesAsync();
        var step = await _app.WithDbAsync(async (db, _) =>
        {
            var step = new PlanStep { OrganisationId = (await db.Enrolments.SingleAsync(e => e.Id == enrolmentId)).OrganisationId, EnrolmentId = enrolmentId, Title = "Körkortsteori", Status = PlanStepStatus.Planned };
            db.PlanSteps.Add(step);
            await db.SaveChangesAsync();
            return step;
        });
        var url = $"/Plans/Step/{enrolmentId}/{step.Id}";
        Dictionary<string, string> Form(string title, string owner, string status) => new()
        {
            ["Input.Title"] = title, ["Input.Owner"] = owner, ["Input.DueOn"] = "", ["Input.Status"] = status, ["Input.Version"] = step.Version.ToString(),
        };

        var first = await BrobyggeApp.PostFormAsync(manager, url, Form("Körkortsteori", "Trafikskolan", "Done"));
        var second = await BrobyggeApp.PostFormAsync(coach, url, Form("Körkortsteori och uppkörning", "Amira", "InProgress"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var page = await ShownAgainAsync(second);
        Assert.Contains("name=\"Input.Title\" value=\"Körkortsteori och uppkörning\"", page);
        Assert.Contains("name=\"Input.Owner\" value=\"Amira\"", page);
        Assert.Contains("<option value=\"InProgress\" selected=\"selected\">", page);
        Assert.Contains("id=\"Input_Owner_theirs\">Sparat av någon annan: Trafikskolan<", page);
        Assert.Contains("id=\"Input_Status_theirs\">Sparat av någon annan: Klar<", page);
        Assert.Contains("id=\"Input_Title_theirs\">Sparat av någon annan: Körkortsteori<", page);
        // Where the two versions agree (no due date in either), nothing is said beside the field.
        Assert.DoesNotContain("Input_DueOn_theirs", page);
        var saved = await _app.WithDbAsync((db, _) => db.PlanSteps.SingleAsync(s => s.Id == step.Id));
        Assert.Equal(("Körkortsteori", "Trafikskolan", PlanStepStatus.Done), (saved.Title, saved.Owner, saved.Status));
        Assert.Contains($"name=\"Input.Version\" value=\"{saved.Version}\"", page);
    }

    [Fact]
    public async Task A_follow_up_recorded_over_someone_elses_answers_keeps_what_was_typed_and_shows_their_answers_beside_it()
    {
        var (coach, manager, enrolmentId) = await TwoColleaguesAsync();
        var (followUpId, version) = await _app.WithDbAsync(async (db, _) =>
        {
            var enrolment = await db.Enrolments.Include(e => e.FollowUps).Include(e => e.Periods).SingleAsync(e => e.Id == enrolmentId);
            enrolment.Exit(new DateOnly(2025, 3, 1), ExitReason.Employed);
            await db.SaveChangesAsync();
            var fourWeeks = enrolment.FollowUps.Single(f => f.Kind == FollowUpKind.FourWeeks);
            return (fourWeeks.Id, fourWeeks.Version.ToString());
        });
        var url = $"/FollowUps/Record/{followUpId}";

        var first = await BrobyggeApp.PostFormAsync(manager, url, new()
        {
            ["Input.RecordedOn"] = "2025-03-28", ["Input.Status"] = "Employed", ["Input.SameEmployer"] = "true", ["Input.ContactMethod"] = "Phone", ["Input.Version"] = version,
        });
        var second = await BrobyggeApp.PostFormAsync(coach, url, new()
        {
            ["Input.RecordedOn"] = "2025-03-29", ["Input.Status"] = "Studying", ["Input.SameEmployer"] = "", ["Input.ContactMethod"] = "Visit", ["Input.Version"] = version,
        });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var page = await ShownAgainAsync(second);
        Assert.Contains("name=\"Input.RecordedOn\" type=\"date\" value=\"2025-03-29\"", page);
        Assert.Contains("<option value=\"Studying\" selected=\"selected\">", page);
        Assert.Contains("<option value=\"Visit\" selected=\"selected\">", page);
        Assert.Contains("id=\"Input_RecordedOn_theirs\">Sparat av någon annan: 2025-03-28<", page);
        Assert.Contains("id=\"Input_Status_theirs\">Sparat av någon annan: I arbete<", page);
        Assert.Contains("id=\"Input_SameEmployer_theirs\">Sparat av någon annan: Ja<", page);
        Assert.Contains("id=\"Input_ContactMethod_theirs\">Sparat av någon annan: Telefon<", page);
        var saved = await _app.WithDbAsync((db, _) => db.FollowUps.SingleAsync(f => f.Id == followUpId));
        Assert.Equal((new DateOnly(2025, 3, 28), FollowUpStatus.Employed, ContactMethod.Phone), (saved.RecordedOn, saved.Status, saved.ContactMethod));
        Assert.Contains($"name=\"Input.Version\" value=\"{saved.Version}\"", page);
    }
}

public sealed class SqliteFormConflictTests(SqliteApp app) : FormConflictTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresFormConflictTests(PostgresApp app) : FormConflictTests<PostgresApp>(app);
