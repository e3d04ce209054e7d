using System.Net;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Activities;

/// <summary>The activity form through the real pipeline: bad input names the field and writes nothing.</summary>
public abstract class ActivityPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private static async Task<string> PageOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Theory]
    [InlineData("Input.Kind", "", "typ av aktivitet")]
    [InlineData("Input.OccurredOn", "2024-01-01", "före deltagarens inskrivning")]
    [InlineData("Input.Language", "xx", "ISO 639")]
    [InlineData("Input.EmployerName", "", "arbetsgivaren")]
    public async Task A_bad_activity_is_refused_with_the_field_named(string field, string value, string message)
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 1, 10));
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Internship", ["Input.OccurredOn"] = "2025-03-03", ["Input.EndsOn"] = "2025-04-30", ["Input.EmployerName"] = "ICA", ["Input.Language"] = "so",
        };
        form[field] = value;

        var response = await BrobyggeApp.PostFormAsync(await _app.LoginAsync(coach), $"/Activities/New/{enrolment.Id}", form);

        FieldErrors.AssertNamed(await PageOf(response), field, message);
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.Activities.CountAsync(a => a.EnrolmentId == enrolment.Id)));
    }
}

public sealed class SqliteActivityPagesTests(SqliteApp app) : ActivityPagesTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresActivityPagesTests(PostgresApp app) : ActivityPagesTests<PostgresApp>(app);
