using System.Net;
using Brobygge.Contacts;
using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Contacts;

/// <summary>A contact is corrected or removed with a reason, in the API and on its page; it stays in its project and its
/// earlier versions stay on record.</summary>
public abstract class ContactCorrectionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private async Task<(User BridgeBuilder, ContactsApi.ContactResponse Contact, Guid OtherProjectId)> ContactAsync()
    {
        var project = await _app.CreateProjectAsync();
        var bridgeBuilder = await _app.CreateUserAsync(Roles.BridgeBuilder, project);
        var client = await _app.ApiClientAsync(bridgeBuilder);
        var contact = await (await client.PostJsonAsync("/api/v1/contacts", new
        {
            person = new { firstName = "Nour", lastName = "Saleh" + Guid.NewGuid().ToString("N")[..6], gender = "Woman", birthDate = "1992-02-02" },
            projectId = project.Id, contactedOn = "2025-05-05", place = "Biblioteket",
        })).ReadAsync<ContactsApi.ContactResponse>(HttpStatusCode.Created);
        return (bridgeBuilder, contact, (await _app.CreateProjectAsync()).Id);
    }

    [Fact]
    public async Task The_api_corrects_a_contact_over_the_version_read_and_keeps_it_in_its_project()
    {
        var (bridgeBuilder, contact, otherProject) = await ContactAsync();
        var client = await _app.ApiClientAsync(bridgeBuilder);

        var corrected = await (await client.PutJsonAsync($"/api/v1/contacts/{contact.Id}", new { contactedOn = "2025-05-06", place = "Medborgarhuset", version = contact.Version }))
            .ReadAsync<ContactsApi.ContactResponse>();
        var stale = await client.PutJsonAsync($"/api/v1/contacts/{contact.Id}", new { contactedOn = "2025-05-07", version = contact.Version });
        var impossible = await (await client.PutJsonAsync($"/api/v1/contacts/{contact.Id}", new { contactedOn = "2099-01-01", version = corrected.Version })).ValidationErrorsAsync();
        var history = await (await client.GetAsync($"/api/v1/contacts/{contact.Id}/history")).ReadAsync<List<ContactsApi.ContactVersionResponse>>();

        Assert.Equal((contact.Id, new DateOnly(2025, 5, 6), "Medborgarhuset", contact.ProjectId), (corrected.Id, corrected.ContactedOn, corrected.Place, corrected.ProjectId));
        await stale.ProblemAsync(HttpStatusCode.Conflict);
        Assert.True(impossible.ContainsKey("contactedOn"), string.Join(", ", impossible.Keys));
        Assert.Equal(["Medborgarhuset", "Biblioteket"], history.Select(v => v.Contact.Place));
        Assert.Equal(2, await _app.WithDbAsync((db, _) => db.WithHistory<Contact>().CountAsync(c => c.PersonId == contact.PersonId)));
        Assert.NotEqual(otherProject, corrected.ProjectId);
    }

    [Fact]
    public async Task The_contact_page_corrects_the_date_and_removes_the_contact_with_a_reason()
    {
        var (bridgeBuilder, contact, _) = await ContactAsync();
        var client = await _app.LoginAsync(bridgeBuilder);
        var url = $"/Contacts/Edit/{contact.Id}";

        var corrected = await BrobyggeApp.PostFormAsync(client, url, new() { ["Input.ContactedOn"] = "2025-05-04", ["Input.Version"] = contact.Version.ToString() });
        var version = await _app.WithDbAsync((db, _) => db.Contacts.Where(c => c.Id == contact.Id).Select(c => c.Version.ToString()).SingleAsync());
        var refused = WebUtility.HtmlDecode(await (await BrobyggeApp.PostFormAsync(client, url + "?handler=Remove", new() { ["Removal.Version"] = version }, formPage: url))
            .Content.ReadAsStringAsync());
        var removed = await BrobyggeApp.PostFormAsync(client, url + "?handler=Remove", new() { ["Removal.Version"] = version, ["Removal.Reason"] = "Fel person." }, formPage: url);

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        FieldErrors.AssertNamed(refused, "Removal.Reason");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var rows = await _app.WithDbAsync((db, _) => db.WithHistory<Contact>().AsNoTracking().Where(c => c.PersonId == contact.PersonId).ToListAsync());
        Assert.Equal((new DateOnly(2025, 5, 4), "Fel person."), (rows.Single(r => r.HistoryOf is null).ContactedOn, rows.Single(r => r.HistoryOf is null).RemovalReason));
        Assert.Equal(new DateOnly(2025, 5, 5), rows.Single(r => r.HistoryOf is not null).ContactedOn);
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.Contacts.CountAsync(c => c.PersonId == contact.PersonId)));
    }
}

public sealed class SqliteContactCorrectionTests(SqliteApp app) : ContactCorrectionTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresContactCorrectionTests(PostgresApp app) : ContactCorrectionTests<PostgresApp>(app);
