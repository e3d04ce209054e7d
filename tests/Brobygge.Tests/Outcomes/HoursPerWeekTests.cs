using System.Net;
using Brobygge.Identity;
using Brobygge.Outcomes;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Outcomes;

/// <summary>Hours per week are a number from just above 0 to 80: NaN and infinities are no hours, in the form and in
/// the API, and a row an earlier version let through cannot break a participant's list.</summary>
[Trait("Category", "Security")]
public abstract class HoursPerWeekTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("∞")]
    [InlineData("1e400")]
    [InlineData("1E308")]
    [InlineData("0")]
    [InlineData("-40")]
    [InlineData("80,5")]
    public async Task The_form_refuses_hours_that_are_no_number_of_hours_next_to_the_field(string hours)
    {
        var (enrolment, coach) = await ParticipantAsync();
        var client = await _app.LoginAsync(coach);

        var response = await BrobyggeApp.PostFormAsync(client, $"/Outcomes/New/{enrolment}", new()
        {
            ["Input.Kind"] = "Employment", ["Input.StartedOn"] = "2025-06-02", ["Input.EmployerName"] = "Helsingborgs lasarett",
            ["Input.EmploymentType"] = "FixedTerm", ["Input.HoursPerWeek"] = hours,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        FieldErrors.AssertNamed(page, "Input.HoursPerWeek");
        Assert.Equal(0, await OutcomesAsync(enrolment));
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"-Infinity\"")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("\"1e400\"")]
    [InlineData("-1e400")]
    [InlineData("0")]
    [InlineData("80.01")]
    public async Task The_api_refuses_hours_that_are_no_number_of_hours_naming_the_field(string hours)
    {
        var (enrolment, coach) = await ParticipantAsync();
        var client = await _app.ApiClientAsync(coach);

        var response = await client.SendRawAsync(HttpMethod.Post, $"/api/v1/enrolments/{enrolment}/outcomes",
            $$"""{"kind":"Employment","startedOn":"2025-06-02","employerName":"Helsingborgs lasarett","employmentType":"FixedTerm","hoursPerWeek":{{hours}}}""");

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(["hoursPerWeek"], errors.Keys);
        Assert.Equal(0, await OutcomesAsync(enrolment));
    }

    [Fact]
    public async Task Hours_within_the_range_are_kept_as_given()
    {
        var (enrolment, coach) = await ParticipantAsync();
        var client = await _app.ApiClientAsync(coach);

        var saved = await (await client.SendRawAsync(HttpMethod.Post, $"/api/v1/enrolments/{enrolment}/outcomes",
            """{"kind":"Employment","startedOn":"2025-06-02","employerName":"Helsingborgs lasarett","employmentType":"Hourly","hoursPerWeek":"12.5"}"""))
            .ReadAsync<OutcomesApi.OutcomeResponse>(HttpStatusCode.Created);

        Assert.Equal(12.5, saved.HoursPerWeek);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task A_row_with_impossible_hours_already_in_the_database_does_not_break_the_participants_outcomes(double hours)
    {
        var (enrolment, coach) = await ParticipantAsync();
        var organisation = await _app.WithDbAsync((db, _) => db.Enrolments.Where(e => e.Id == enrolment).Select(e => e.OrganisationId).SingleAsync());
        Task write() => _app.WithDbAsync(async db =>
        {
            // As an earlier version let it through: PostgreSQL keeps NaN and Infinity.
            db.Outcomes.Add(new Outcome { OrganisationId = organisation, EnrolmentId = enrolment, Kind = OutcomeKind.Employment, StartedOn = new DateOnly(2025, 6, 2), EmployerName = "X", EmploymentType = EmploymentType.Hourly, HoursPerWeek = hours });
            await db.SaveChangesAsync();
        });
        if (_app.Provider == Brobygge.Data.DatabaseProvider.Sqlite && double.IsNaN(hours))
        {
            // SQLite's driver refuses to store NaN at all (the old 500): there can be no such row to read.
            await Assert.ThrowsAsync<DbUpdateException>(write);
            return;
        }
        await write();
        var client = await _app.ApiClientAsync(coach);

        var list = await (await client.GetAsync($"/api/v1/enrolments/{enrolment}/outcomes")).ReadAsync<List<OutcomesApi.OutcomeResponse>>();
        var one = await (await client.GetAsync($"/api/v1/outcomes/{list.Single().Id}")).ReadAsync<OutcomesApi.OutcomeResponse>();
        var personId = await _app.WithDbAsync((db, _) => db.Enrolments.Where(e => e.Id == enrolment).Select(e => e.PersonId).SingleAsync());
        var page = await (await _app.LoginAsync(coach)).GetAsync($"/Participants/Details/{personId}");

        Assert.Null(list.Single().HoursPerWeek);
        Assert.Null(one.HoursPerWeek);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private async Task<(Guid Enrolment, User Coach)> ParticipantAsync()
    {
        _app.Clock.Now = new DateTimeOffset(2025, 9, 1, 9, 0, 0, TimeSpan.Zero);
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 3, 1));
        return (enrolment.Id, coach);
    }

    private Task<int> OutcomesAsync(Guid enrolment) => _app.WithDbAsync((db, _) => db.Outcomes.CountAsync(o => o.EnrolmentId == enrolment));
}

public sealed class SqliteHoursPerWeekTests(SqliteApp app) : HoursPerWeekTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresHoursPerWeekTests(PostgresApp app) : HoursPerWeekTests<PostgresApp>(app);
