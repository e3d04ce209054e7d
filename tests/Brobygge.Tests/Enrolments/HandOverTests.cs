using System.Net;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Enrolments;

/// <summary>A coach who hands their participant over is told that their access ends, and must confirm it.</summary>
public abstract class HandOverTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    [Fact]
    public async Task Handing_over_without_confirming_is_refused_and_the_coach_keeps_the_participant()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var colleague = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var client = await _app.LoginAsync(coach);

        var form = WebUtility.HtmlDecode(await client.GetStringAsync($"/Enrolments/Assign/{enrolment.Id}"));
        Assert.Contains("upphör din åtkomst till deltagaren", form, StringComparison.Ordinal);

        var refused = await BrobyggeApp.PostFormAsync(client, $"/Enrolments/Assign/{enrolment.Id}", new()
        {
            ["Input.Role"] = "Coach", ["Input.StaffId"] = colleague.Id.ToString(), ["Input.Version"] = enrolment.Version.ToString(),
        });

        Forms.FieldErrors.AssertNamed(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), "ConfirmHandOver", "kryssa i rutan för att bekräfta");
        Assert.Equal(coach.Id, await CoachOfAsync(enrolment.Id));
    }

    [Fact]
    public async Task Handing_over_with_confirmation_assigns_the_colleague_and_leads_to_the_start_page()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var colleague = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var client = await _app.LoginAsync(coach);

        var saved = await BrobyggeApp.PostFormAsync(client, $"/Enrolments/Assign/{enrolment.Id}", new()
        {
            ["Input.Role"] = "Coach", ["Input.StaffId"] = colleague.Id.ToString(), ["Input.Version"] = enrolment.Version.ToString(), ["ConfirmHandOver"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/", BrobyggeApp.PathOf(saved.Headers.Location));
        Assert.Equal(colleague.Id, await CoachOfAsync(enrolment.Id));
    }

    private Task<Guid> CoachOfAsync(Guid enrolmentId)
        => _app.WithDbAsync((db, _) => db.Assignments.Where(a => a.EnrolmentId == enrolmentId && a.Role == AssignmentRole.Coach && a.EndedOn == null)
            .Select(a => a.StaffId).SingleAsync());
}

public sealed class SqliteHandOverTests(SqliteApp app) : HandOverTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresHandOverTests(PostgresApp app) : HandOverTests<PostgresApp>(app);
