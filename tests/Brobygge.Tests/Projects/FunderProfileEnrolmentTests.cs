using System.Net;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Brobygge.Projects;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Projects;

/// <summary>A project's funder profile decides what enrolment collects: a required fact missing is refused naming the
/// field; special categories are asked only where the profile asks, kept apart, and "declined to answer" stays that.</summary>
public abstract class FunderProfileEnrolmentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private sealed record Lead(Guid PersonId, Project Project, HttpClient Client);

    /// <summary>A contact of a project with the profile, without an education level, and its coach's API client.</summary>
    private async Task<Lead> LeadAsync(FunderProfileKind profile, int? educationLevel = null)
    {
        _app.Clock.Now = new DateTimeOffset(2025, 9, 1, 9, 0, 0, TimeSpan.Zero);
        var project = await _app.CreateProjectAsync();
        await _app.WithDbAsync(async db =>
        {
            await db.Projects.Where(p => p.Id == project.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.FunderProfile, profile));
        });
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var client = await _app.ApiClientAsync(coach);
        var contact = await (await client.PostJsonAsync("/api/v1/contacts", new
        {
            person = new { firstName = "Amal", lastName = "Omar" + Guid.NewGuid().ToString("N")[..5], gender = "NonBinary", birthDate = "1990-05-17", educationLevel },
            projectId = project.Id, contactedOn = "2025-08-01",
        })).ReadAsync<Brobygge.Contacts.ContactsApi.ContactResponse>(HttpStatusCode.Created);
        return new Lead(contact.PersonId, project, client);
    }

    private static Task<HttpResponseMessage> EnrolAsync(Lead lead, object? specialCategories = null)
        => lead.Client.PostJsonAsync($"/api/v1/participants/{lead.PersonId}/enrolments",
            new { projectId = lead.Project.Id, enrolledOn = "2025-08-15", statusAtEntry = "Inactive", specialCategories });

    private Task<int> EnrolmentsAsync(Guid personId) => _app.WithDbAsync((db, _) => db.Enrolments.CountAsync(e => e.PersonId == personId));

    [Fact]
    public async Task An_esf_plus_enrolment_without_the_education_level_is_refused_naming_the_field()
    {
        var lead = await LeadAsync(FunderProfileKind.EsfPlus2021);

        var errors = await (await EnrolAsync(lead, new { disability = "No", minority = "No", homelessness = "No" })).ValidationErrorsAsync();

        Assert.Equal(["educationLevel"], errors.Keys);
        Assert.Equal(0, await EnrolmentsAsync(lead.PersonId));
    }

    [Fact]
    public async Task A_local_project_enrols_without_the_education_level()
    {
        var lead = await LeadAsync(FunderProfileKind.None);

        var response = await EnrolAsync(lead);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task An_esf_plus_enrolment_without_an_answer_to_each_special_category_is_refused_naming_each()
    {
        var lead = await LeadAsync(FunderProfileKind.EsfPlus2021, educationLevel: 3);

        var errors = await (await EnrolAsync(lead, new { disability = "Yes" })).ValidationErrorsAsync();

        Assert.Equal(["specialCategories.homelessness", "specialCategories.minority"], errors.Keys.Order());
        Assert.Equal(0, await EnrolmentsAsync(lead.PersonId));
    }

    [Fact]
    public async Task Declined_to_answer_is_kept_apart_as_its_own_answer_with_its_legal_basis_never_as_no()
    {
        var lead = await LeadAsync(FunderProfileKind.Esf2014, educationLevel: 3);

        var response = await EnrolAsync(lead, new { disability = "DeclinedToAnswer", minority = "No", homelessness = "Yes", basis = "SubstantialPublicInterest" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var answers = await _app.WithDbAsync((db, _) => db.SpecialCategoryAnswers
            .Where(a => db.Enrolments.Any(e => e.Id == a.EnrolmentId && e.PersonId == lead.PersonId)).ToListAsync());
        Assert.Equal(SpecialAnswer.DeclinedToAnswer, Assert.Single(answers, a => a.Category == SpecialCategory.Disability).Answer);
        Assert.Equal(SpecialAnswer.No, Assert.Single(answers, a => a.Category == SpecialCategory.Minority).Answer);
        Assert.All(answers, a => Assert.Equal(SpecialCategoryBasis.SubstantialPublicInterest, a.Basis));
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task A_project_whose_funder_does_not_ask_special_categories_refuses_to_collect_them()
    {
        var lead = await LeadAsync(FunderProfileKind.Amif2021);

        var errors = await (await EnrolAsync(lead, new { disability = "Yes" })).ValidationErrorsAsync();

        Assert.Equal(["specialCategories.disability"], errors.Keys);
        Assert.Equal(0, await EnrolmentsAsync(lead.PersonId));
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.SpecialCategoryAnswers.CountAsync(a => a.OrganisationId == lead.Project.OrganisationId)));
    }
}

public sealed class SqliteFunderProfileEnrolmentTests(SqliteApp app) : FunderProfileEnrolmentTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresFunderProfileEnrolmentTests(PostgresApp app) : FunderProfileEnrolmentTests<PostgresApp>(app);
