using System.Net;
using Brobygge.Identity;
using Brobygge.Mappings;
using Brobygge.Taxonomy;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Mappings;

/// <summary>The mapping form is open to every coach: whatever it is sent, reading it is bounded and linear, and what
/// is too big is refused by name before it is read.</summary>
[Trait("Category", "Security")]
public sealed class HostileMappingInputTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly TaxonomyLookup Skills = TaxonomyLookup.Of(
    [
        Skill("s1", "Kassavana"),
        Skill("s2", "Projektledning, erfarenhet"),
        Skill("s3", "Gesällbrev, konstgjutare, brons, form"),
    ]);

    private static TaxonomyConcept Skill(string id, string label) => new() { ConceptId = id, Type = "skill", Label = label };

    // ~100 KB of commas: the old reader tried every run of parts from every start, joining each (cubic): hours of CPU.
    private static readonly string HostileSkills = string.Concat(Enumerable.Repeat("a,", 50_000));

    [Fact(Timeout = 60_000)]
    public async Task Skills_text_of_the_largest_size_allowed_full_of_commas_is_read_in_one_pass()
    {
        var text = string.Concat(Enumerable.Repeat("a,", MappingInput.MaxSkillsLength / 2));

        var parsed = await Task.Run(() => MappingInput.ParseSkills(text, Skills, previous: null).ToList(), TestContext.Current.CancellationToken);

        Assert.Equal(MappingInput.MaxSkillsLength / 2, parsed.Count);
        Assert.All(parsed, p => Assert.Equal("a", p.Label));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_long_line_of_known_labels_with_commas_in_them_is_still_read_whole()
    {
        var line = "Projektledning, erfarenhet, Gesällbrev, konstgjutare, brons, form, Kassavana, ";
        var text = string.Concat(Enumerable.Repeat(line, MappingInput.MaxSkillsLength / line.Length));

        var parsed = await Task.Run(() => MappingInput.ParseSkills(text, Skills, previous: null).ToList(), TestContext.Current.CancellationToken);

        Assert.Equal(3 * (MappingInput.MaxSkillsLength / line.Length), parsed.Count);
        Assert.Equal(["s2", "s3", "s1"], parsed.Take(3).Select(p => p.Resolved.Concept?.ConceptId));
        Assert.All(parsed, p => Assert.Null(p.Resolved.Problem));
    }

    [Fact]
    public async Task A_100_KB_skills_text_posted_to_the_api_is_refused_naming_the_field_and_nothing_is_saved()
    {
        var (client, enrolment) = await CoachWithParticipantAsync();

        var response = await client.PostJsonAsync($"/api/v1/enrolments/{enrolment}/mappings",
            new { basedOn = 0, mapping = new { mappedOn = "2025-03-10", skills = HostileSkills, addSkill = new string('x', 100_000) } });

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(["The skills can be at most 8000 characters."], errors["mapping.skills"]);
        Assert.Equal(["A skill can be at most 300 characters."], errors["mapping.addSkill"]);
        Assert.Equal(0, await MappingCountAsync(enrolment));
    }

    [Fact]
    public async Task A_100_KB_skills_text_posted_in_the_form_is_refused_next_to_the_field()
    {
        var (client, enrolment) = await CoachWithParticipantAsync(api: false);

        var response = await BrobyggeApp.PostFormAsync(client, $"/Mappings/New/{enrolment}", new()
        {
            ["BasedOn"] = "0", ["Input.MappedOn"] = "2025-03-10", ["Input.Skills"] = HostileSkills,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal("Kompetenserna kan vara högst 8000 tecken.", FieldErrors.Of(page, "Input.Skills"));
        Assert.Equal(0, await MappingCountAsync(enrolment));
    }

    [Fact]
    public async Task Rows_beyond_the_mappings_limits_are_refused_naming_the_list_and_nothing_is_saved()
    {
        // Above the mapping's own limits, below the input rules' 100 items for any list (Api/InputRulesApiTests).
        var (client, enrolment) = await CoachWithParticipantAsync();
        var rows = Enumerable.Range(0, 60).Select(i => new { occupation = "Kock, à la carte", years = "1" }).ToArray();
        var languages = Enumerable.Range(0, 60).Select(i => new { code = "ar", level = "Native" }).ToArray();

        var response = await client.PostJsonAsync($"/api/v1/enrolments/{enrolment}/mappings",
            new { basedOn = 0, mapping = new { mappedOn = "2025-03-10", experience = rows, languages, drivingLicences = Enumerable.Repeat("B", 60) } });

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(["At most 50 rows of work experience can be filled in."], errors["mapping.experience"]);
        Assert.Equal(["At most 50 languages can be filled in."], errors["mapping.languages"]);
        Assert.Equal(["Choose driving licence categories from the list."], errors["mapping.drivingLicences"]);
        Assert.Equal(0, await MappingCountAsync(enrolment));
    }

    [Fact]
    public async Task Twenty_thousand_languages_are_refused_naming_the_field()
    {
        var (client, enrolment) = await CoachWithParticipantAsync();
        var person = await app.WithDbAsync((db, _) => db.Enrolments.Where(e => e.Id == enrolment).Select(e => e.Person!).AsNoTracking().SingleAsync());

        var response = await client.PutJsonAsync($"/api/v1/participants/{person.Id}", new
        {
            firstName = person.FirstName, lastName = person.LastName, gender = "Woman", birthDate = "1990-05-17",
            languages = Enumerable.Repeat("ar", 20_000).ToArray(), version = person.Version,
        });

        var errors = await response.ValidationErrorsAsync();
        Assert.Single(errors["languages"]); // the input rules' list limit answers first
        Assert.Equal(["languages"], errors.Keys);
        Assert.Equal(person.Version, await app.WithDbAsync((db, _) => db.Persons.Where(p => p.Id == person.Id).Select(p => p.Version).SingleAsync()));
    }

    private async Task<(HttpClient Client, Guid Enrolment)> CoachWithParticipantAsync(bool api = true)
    {
        await BuiltInTaxonomy.EnsureLoadedAsync(app.Services);
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 1, 10));
        return (api ? await app.ApiClientAsync(coach) : await app.LoginAsync(coach), enrolment.Id);
    }

    private Task<int> MappingCountAsync(Guid enrolment) => app.WithDbAsync((db, _) => db.Mappings.CountAsync(m => m.EnrolmentId == enrolment));
}
