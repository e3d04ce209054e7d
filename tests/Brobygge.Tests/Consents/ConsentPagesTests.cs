using System.Net;
using Brobygge.Consents;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Consents;

/// <summary>Consents on the participant's page and its form: each purpose where it stands, every change, and a form that
/// records given or withdrawn, naming the field with bad input.</summary>
public abstract class ConsentPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private static async Task<string> PageOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private async Task<(Guid PersonId, HttpClient Client)> ParticipantAsync()
    {
        _app.Clock.Now = new DateTimeOffset(2025, 9, 1, 9, 0, 0, TimeSpan.Zero);
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        return (enrolment.PersonId, await _app.LoginAsync(coach));
    }

    [Fact]
    public async Task The_form_records_a_consent_and_a_withdrawal_and_the_participants_page_shows_both_and_where_it_stands()
    {
        var (personId, client) = await ParticipantAsync();

        var given = await BrobyggeApp.PostFormAsync(client, $"/Consents/Record/{personId}", new()
        {
            ["Input.Purpose"] = "SmsContact", ["Input.Change"] = "Given", ["Input.On"] = "2025-03-01", ["Input.How"] = "Paper",
            ["Input.FormReference"] = "BLK-17", ["Input.BasedOn"] = "0",
        });
        var withdrawn = await BrobyggeApp.PostFormAsync(client, $"/Consents/Record/{personId}", new()
        {
            ["Input.Purpose"] = "SmsContact", ["Input.Change"] = "Withdrawn", ["Input.On"] = "2025-08-15", ["Input.How"] = "InPerson", ["Input.BasedOn"] = "1",
        });

        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var page = await PageOf(await client.GetAsync($"/Participants/Details/{personId}"));
        Assert.Contains("Samtycken", page);
        Assert.Contains("Kontakt via sms", page);
        Assert.Contains("BLK-17", page);
        Assert.Contains("Återkallat", page);
        Assert.Contains("2025-08-15", page);
        var events = await _app.WithDbAsync((db, _) => db.Consents.Where(c => c.PersonId == personId).OrderBy(c => c.Number).ToListAsync());
        Assert.Equal([ConsentChange.Given, ConsentChange.Withdrawn], events.Select(e => e.Change));
        Assert.False(events.InForce(ConsentPurpose.SmsContact, null, new DateOnly(2025, 9, 1)));
    }

    [Fact]
    public async Task The_form_refuses_a_consent_by_phone_without_a_witness_next_to_the_field()
    {
        var (personId, client) = await ParticipantAsync();

        var response = await BrobyggeApp.PostFormAsync(client, $"/Consents/Record/{personId}", new()
        {
            ["Input.Purpose"] = "FollowUpContact", ["Input.Change"] = "Given", ["Input.On"] = "2025-03-01", ["Input.How"] = "Phone", ["Input.BasedOn"] = "0",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("id=\"Input_Witness_error\"[^>]*>[^<]+<", await PageOf(response));
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.Consents.CountAsync(c => c.PersonId == personId)));
    }
}

public sealed class SqliteConsentPagesTests(SqliteApp app) : ConsentPagesTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresConsentPagesTests(PostgresApp app) : ConsentPagesTests<PostgresApp>(app);
