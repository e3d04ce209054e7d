using System.Net;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Contacts;

/// <summary>The contact form through the real pipeline.</summary>
public abstract class ContactPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    [Fact]
    public async Task A_contact_is_registered_with_its_person_and_waits_for_enrolment()
    {
        var project = await _app.CreateProjectAsync();
        var bridgeBuilder = await _app.CreateUserAsync(Roles.BridgeBuilder, project);
        var client = await _app.LoginAsync(bridgeBuilder);
        var lastName = "Kontakt" + Guid.NewGuid().ToString("N")[..5];

        var response = await BrobyggeApp.PostFormAsync(client, "/Contacts/Create", new()
        {
            ["Input.FirstName"] = "Yonas", ["Input.LastName"] = lastName, ["Input.Gender"] = "Man", ["Input.BirthDate"] = "1988-07-01",
            ["Contact.ProjectId"] = project.Id.ToString(), ["Contact.ContactedOn"] = "2025-05-05", ["Contact.Language"] = "ti", ["Contact.BridgeBuilderId"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var contact = await _app.WithDbAsync((db, _) => db.Contacts.SingleAsync(c => c.Person!.LastName == lastName));
        Assert.Equal(bridgeBuilder.Id, contact.BridgeBuilderId);
        Assert.Equal("ti", contact.Language);
        Assert.Contains(lastName, await client.GetStringAsync("/Contacts"));
    }
}

public sealed class SqliteContactPagesTests(SqliteApp app) : ContactPagesTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresContactPagesTests(PostgresApp app) : ContactPagesTests<PostgresApp>(app);
