using System.Net;
using System.Text.Json;
using Brobygge.Api;
using Brobygge.Auditing;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using static Brobygge.Participants.ParticipantsApi;

namespace Brobygge.Tests.Auditing;

/// <summary>List reads and refused attempts join the audit trail, with ids and never names; reads are recorded
/// without the request's context and numbered per organisation.</summary>
[Trait("Category", "Security")]
public abstract class AuditTrailTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private Task<List<AuditEvent>> EventsAsync(Guid organisationId)
        => _app.WithDbAsync((db, _) => db.AuditEvents.AsNoTracking().Where(a => a.OrganisationId == organisationId).OrderBy(a => a.Sequence).ToListAsync());

    [Fact]
    public async Task A_participant_list_read_records_the_ids_shown_and_no_names()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var mine = new[] { await _app.CreateParticipantAsync(project, coach, firstName: "Hodan"), await _app.CreateParticipantAsync(project, coach, firstName: "Yonas") };
        var notMine = await _app.CreateParticipantAsync(project, await _app.CreateUserAsync(Roles.Coach, project), firstName: "Selam");
        var client = await _app.LoginAsync(coach);

        var page = await client.GetAsync("/Participants");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var read = Assert.Single(await EventsAsync(project.OrganisationId), a => a.Action == AuditAction.ListRead);
        Assert.Equal(coach.Id, read.UserId);
        Assert.Equal(mine.Select(e => e.PersonId).Order(), read.ShownIds!.Order());
        Assert.DoesNotContain(notMine.PersonId, read.ShownIds!);
        Assert.Equal("GET /Participants/Index", read.Route);
        var stored = JsonSerializer.Serialize(read);
        foreach (var person in mine.Select(e => e.Person!))
        {
            Assert.DoesNotContain(person.FirstName, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(person.LastName, stored, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_api_list_and_the_coachs_start_page_record_the_ids_they_show()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var mine = await _app.CreateParticipantAsync(project, coach);

        var list = await (await (await _app.ApiClientAsync(coach)).GetAsync("/api/v1/participants")).ReadAsync<ListPage<ParticipantSummary>>();
        Assert.Equal(HttpStatusCode.OK, (await (await _app.LoginAsync(coach)).GetAsync("/")).StatusCode);

        Assert.Equal(mine.PersonId, Assert.Single(list.Items).Id);
        var reads = (await EventsAsync(project.OrganisationId)).Where(a => a.Action == AuditAction.ListRead).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, read => Assert.Equal([mine.PersonId], read.ShownIds!));
        Assert.Equal(["GET /Index", "GET /api/v1/participants/"], reads.Select(r => r.Route!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Another_coachs_participant_is_not_found_and_the_attempt_is_recorded_for_page_and_api()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var theirs = await _app.CreateParticipantAsync(project, await _app.CreateUserAsync(Roles.Coach, project));

        var page = await (await _app.LoginAsync(coach)).GetAsync($"/Participants/Details/{theirs.PersonId}");
        var api = await (await _app.ApiClientAsync(coach)).GetAsync($"/api/v1/participants/{theirs.PersonId}");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        var refused = (await EventsAsync(project.OrganisationId)).Where(a => a.Action == AuditAction.NotFound).ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, a =>
        {
            Assert.Equal(coach.Id, a.UserId);
            Assert.Equal(theirs.PersonId, a.EntityId);
        });
        Assert.Equal(["GET /Participants/Details", "GET /api/v1/participants/{personId:guid}"], refused.Select(a => a.Route!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain((await EventsAsync(project.OrganisationId)), a => a.Action == AuditAction.Read);
    }

    [Fact]
    public async Task A_partner_liaison_refused_a_write_is_recorded_and_nothing_else_is_written()
    {
        var project = await _app.CreateProjectAsync();
        var partner = await _app.CreateUserAsync(Roles.PartnerLiaison, project);
        var enrolment = await _app.CreateParticipantAsync(project);
        var before = await EventsAsync(project.OrganisationId);

        var response = await (await _app.ApiClientAsync(partner)).PutJsonAsync($"/api/v1/participants/{enrolment.PersonId}",
            new { firstName = "Amal", lastName = "Omar", gender = "Woman", birthDate = "1990-05-17", version = Guid.NewGuid() });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        var added = Assert.Single((await EventsAsync(project.OrganisationId)).Skip(before.Count));
        Assert.Equal(AuditAction.Forbidden, added.Action);
        Assert.Equal(partner.Id, added.UserId);
        Assert.Equal(enrolment.PersonId, added.EntityId);
        Assert.Equal("personId", added.EntityType);
        Assert.Equal("PUT /api/v1/participants/{personId:guid}", added.Route);
    }

    [Fact]
    public async Task A_404_of_a_path_without_a_record_id_is_not_an_attempt()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var before = (await EventsAsync(project.OrganisationId)).Count;

        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.LoginAsync(coach)).GetAsync("/no-such-page")).StatusCode);

        Assert.Equal(before, (await EventsAsync(project.OrganisationId)).Count);
    }

    [Fact]
    public async Task Concurrent_reads_all_succeed_and_the_organisations_events_are_numbered_without_gaps()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var page = await _app.LoginAsync(coach);
        var api = await _app.ApiClientAsync(coach);

        // Each read used to save the request's own context; now none holds a transaction while the others wait.
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? page.GetAsync($"/Participants/Details/{enrolment.PersonId}")
            : api.GetAsync($"/api/v1/participants/{enrolment.PersonId}")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var events = await EventsAsync(project.OrganisationId);
        Assert.Equal(40, events.Count(a => a.Action == AuditAction.Read && a.EntityId == enrolment.PersonId && a.UserId == coach.Id));
        // Writes (the participant's creation) and reads share one order: 1, 2, 3, … with no gap and no repeat.
        Assert.Equal(Enumerable.Range(1, events.Count).Select(n => (long)n), events.Select(a => a.Sequence));
        Assert.Contains(events, a => a.Action == AuditAction.Create);
    }

    [Fact]
    public async Task A_wrong_password_is_recorded_against_the_account_without_its_email_and_an_unknown_one_not_at_all()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var before = await _app.WithDbAsync((db, _) => db.AuditEvents.CountAsync(a => a.Action == AuditAction.LoginFailed));

        var wrong = await BrobyggeApp.PostFormAsync(_app.Anonymous(), "/Identity/Login", new() { ["Email"] = coach.Email!, ["Password"] = "Not-the-password-1" });
        var unknown = await BrobyggeApp.PostFormAsync(_app.Anonymous(), "/Identity/Login", new() { ["Email"] = "nobody-" + Guid.NewGuid().ToString("N") + "@test.brobygge.se", ["Password"] = "Not-the-password-1" });
        var token = await _app.Anonymous().PostJsonAsync("/api/v1/tokens", new { email = coach.Email, password = "Not-the-password-1" });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        await token.ProblemAsync(HttpStatusCode.Unauthorized);
        var failed = (await EventsAsync(project.OrganisationId)).Where(a => a.Action == AuditAction.LoginFailed).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, a =>
        {
            Assert.Equal(coach.Id, a.EntityId);
            Assert.Null(a.UserId);
            Assert.DoesNotContain(coach.Email!, JsonSerializer.Serialize(a), StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal(before + 2, await _app.WithDbAsync((db, _) => db.AuditEvents.CountAsync(a => a.Action == AuditAction.LoginFailed)));
    }

    [Fact]
    public async Task Each_organisation_has_its_own_order()
    {
        var first = await _app.CreateProjectAsync();
        var second = await _app.CreateProjectAsync();
        await _app.CreateParticipantAsync(first);
        await _app.CreateParticipantAsync(second);

        Assert.Equal(1, (await EventsAsync(first.OrganisationId)).Min(a => a.Sequence));
        Assert.Equal(1, (await EventsAsync(second.OrganisationId)).Min(a => a.Sequence));
    }
}

public sealed class SqliteAuditTrailTests(SqliteApp app) : AuditTrailTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresAuditTrailTests(PostgresApp app) : AuditTrailTests<PostgresApp>(app);
