using System.Net;
using System.Text.Json;
using Brobygge.Identity;
using Brobygge.Journal;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Journal;

/// <summary>A participant's journal: dated notes with their author, on the page and through the API, corrections keeping
/// history, and read only by those who see the participant.</summary>
public abstract class JournalTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private async Task<(User Coach, Brobygge.Enrolments.Enrolment Enrolment, Brobygge.Projects.Project Project)> EnrolledAsync()
    {
        _app.Clock.Now = new DateTimeOffset(2025, 3, 12, 9, 0, 0, TimeSpan.Zero);
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        return (coach, await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 1, 10)), project);
    }

    [Fact]
    public async Task A_note_written_on_the_page_shows_on_the_participants_page_with_date_and_author()
    {
        var (coach, enrolment, _) = await EnrolledAsync();
        var client = await _app.LoginAsync(coach);

        var saved = await BrobyggeApp.PostFormAsync(client, $"/Journal/Write/{enrolment.Id}", new()
        {
            ["Input.WrittenOn"] = "2025-03-11", ["Input.Text"] = "Ringde om praktiken.\nHon börjar på måndag.",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Participants/Details/{enrolment.PersonId}"));
        Assert.Contains($"2025-03-11 · {coach.DisplayName}", page, StringComparison.Ordinal);
        Assert.Contains("Ringde om praktiken.\nHon börjar på måndag.", page.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_without_text_is_refused_naming_the_field_and_nothing_is_written()
    {
        var (coach, enrolment, _) = await EnrolledAsync();
        var client = await _app.LoginAsync(coach);

        var refused = await BrobyggeApp.PostFormAsync(client, $"/Journal/Write/{enrolment.Id}", new() { ["Input.WrittenOn"] = "2025-03-11", ["Input.Text"] = "  " });

        Forms.FieldErrors.AssertNamed(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), "Input.Text", "Skriv anteckningen.");
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.JournalNotes.CountAsync(n => n.EnrolmentId == enrolment.Id)));
    }

    [Fact]
    public async Task Through_the_api_a_note_is_written_listed_and_corrected_with_its_earlier_text_kept()
    {
        var (coach, enrolment, _) = await EnrolledAsync();
        var api = await _app.ApiClientAsync(coach);

        var written = await (await api.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/journal", new { writtenOn = "2025-03-10", text = "Första samtalet." }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = written.GetProperty("id").GetGuid();
        Assert.Equal(coach.DisplayName, written.GetProperty("author").GetString());
        Assert.Equal(coach.Id, written.GetProperty("authorId").GetGuid());

        var corrected = await (await api.PutJsonAsync($"/api/v1/journal/{id}", new
        {
            writtenOn = "2025-03-10", text = "Första samtalet, med tolk.", version = written.GetProperty("version").GetGuid(),
        })).ReadAsync<JsonElement>();

        Assert.Equal("Första samtalet, med tolk.", corrected.GetProperty("text").GetString());
        var list = await (await api.GetAsync($"/api/v1/enrolments/{enrolment.Id}/journal")).ReadAsync<JsonElement>();
        Assert.Equal(1, list.GetArrayLength());
        var versions = await _app.WithDbAsync((db, _) => db.WithHistory<JournalNote>().Where(n => n.Id == id || n.HistoryOf == id).Select(n => n.Text).ToListAsync());
        Assert.Equal(["Första samtalet, med tolk.", "Första samtalet."], versions.OrderByDescending(t => t.Length));
    }

    [Fact]
    public async Task A_note_dated_tomorrow_is_refused_through_the_api_naming_written_on()
    {
        var (coach, enrolment, _) = await EnrolledAsync();
        var api = await _app.ApiClientAsync(coach);

        var response = await api.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/journal", new { writtenOn = "2025-03-13", text = "Planerat." });

        Assert.Equal(["writtenOn"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.JournalNotes.CountAsync(n => n.EnrolmentId == enrolment.Id)));
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task Another_coach_neither_reads_nor_writes_the_journal()
    {
        var (coach, enrolment, project) = await EnrolledAsync();
        var own = await _app.ApiClientAsync(coach);
        await (await own.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/journal", new { writtenOn = "2025-03-10", text = "Hemligt." })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var other = await _app.ApiClientAsync(await _app.CreateUserAsync(Roles.Coach, project));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/enrolments/{enrolment.Id}/journal")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/journal", new { writtenOn = "2025-03-10", text = "Intrång." })).StatusCode);
        Assert.Equal(1, await _app.WithDbAsync((db, _) => db.JournalNotes.CountAsync(n => n.EnrolmentId == enrolment.Id)));
    }

    [Fact]
    public async Task Reading_the_journal_is_audited_as_a_read_of_the_participant()
    {
        var (coach, enrolment, _) = await EnrolledAsync();
        var api = await _app.ApiClientAsync(coach);

        await (await api.GetAsync($"/api/v1/enrolments/{enrolment.Id}/journal")).ReadAsync<JsonElement>();

        Assert.True(await _app.WithDbAsync((db, _) => db.AuditEvents.AnyAsync(a => a.UserId == coach.Id && a.Action == Brobygge.Auditing.AuditAction.Read && a.EntityId == enrolment.PersonId)));
    }
}

public sealed class SqliteJournalTests(SqliteApp app) : JournalTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresJournalTests(PostgresApp app) : JournalTests<PostgresApp>(app);
