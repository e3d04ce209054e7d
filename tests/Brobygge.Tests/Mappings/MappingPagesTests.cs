using System.Net;
using Brobygge.Auditing;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Brobygge.Mappings;
using Brobygge.Participants;
using Brobygge.Taxonomy;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Mappings;

public abstract class MappingPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    /// <summary>Occupations and skills with labels of this test's own, so every label resolves to exactly one concept.</summary>
    private sealed record Concepts(string Cook, string Driver, string Teacher, string Cash, string Truck, string Lifting);

    private async Task<Concepts> ConceptsAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var concepts = new Concepts($"Kock {tag}", $"Busschaufför {tag}", $"Lärare i grundskolan {tag}", $"Kassavana {tag}", $"Truckkort, A+B {tag}", $"Tunga lyft {tag}");
        await _app.WithDbAsync(async db =>
        {
            db.TaxonomyConcepts.AddRange(
                new TaxonomyConcept { ConceptId = $"o1-{tag}", Type = "occupation-name", Label = concepts.Cook, SsykCode = "5120" },
                new TaxonomyConcept { ConceptId = $"o2-{tag}", Type = "occupation-name", Label = concepts.Driver, SsykCode = "8331" },
                new TaxonomyConcept { ConceptId = $"o3-{tag}", Type = "occupation-name", Label = concepts.Teacher, SsykCode = "2341" },
                new TaxonomyConcept { ConceptId = $"s1-{tag}", Type = "skill", Label = concepts.Cash },
                new TaxonomyConcept { ConceptId = $"s2-{tag}", Type = "skill", Label = concepts.Truck },
                new TaxonomyConcept { ConceptId = $"s3-{tag}", Type = "skill", Label = concepts.Lifting });
            await db.SaveChangesAsync();
        });
        return concepts;
    }

    private async Task<(HttpClient Client, User Coach, Enrolment Enrolment)> CoachWithParticipantAsync()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        return (await _app.LoginAsync(coach), coach, enrolment);
    }

    private static Dictionary<string, string> FirstVersion(Concepts c) => new()
    {
        ["BasedOn"] = "0",
        ["Input.MappedOn"] = "2025-03-10",
        ["Input.EducationField"] = "Ekonomi",
        ["Input.EducationCountry"] = "sy",
        ["Input.DegreeRecognition"] = "Applied",
        ["Input.Experience[0].Occupation"] = c.Cook.ToUpperInvariant(),
        ["Input.Experience[0].Years"] = "3,5",
        ["Input.Experience[1].Occupation"] = "",
        ["Input.Experience[1].Years"] = "",
        ["Input.Languages[0].Code"] = "AR",
        ["Input.Languages[0].Level"] = "Native",
        ["Input.Languages[1].Code"] = "sv",
        ["Input.Languages[1].Level"] = "Basic",
        ["Input.Languages[2].Code"] = "",
        ["Input.Languages[2].Level"] = "",
        ["Input.Skills"] = $"{c.Cash}\n{c.Truck}, {c.Lifting}",
        ["Input.DrivingLicences"] = "B",
        ["Input.Goals"] = "Arbeta i kök",
        ["Input.Obstacles"] = "",
    };

    private Task<List<Mapping>> MappingsAsync(Guid enrolmentId)
        => _app.WithDbAsync((db, _) => db.Mappings.AsNoTracking().Where(m => m.EnrolmentId == enrolmentId).OrderBy(m => m.Number).ToListAsync());

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_coach_maps_a_participant_twice_and_the_history_shows_what_changed()
    {
        var concepts = await ConceptsAsync();
        var (client, coach, enrolment) = await CoachWithParticipantAsync();
        var url = $"/Mappings/New/{enrolment.Id}";

        var first = await BrobyggeApp.PostFormAsync(client, url, FirstVersion(concepts));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/Mappings/History/{enrolment.Id}", BrobyggeApp.PathOf(first.Headers.Location));
        var v1 = Assert.Single(await MappingsAsync(enrolment.Id));
        Assert.Equal((1, new DateOnly(2025, 3, 10), "SY", DegreeRecognition.Applied, coach.Id),
            (v1.Number, v1.MappedOn, v1.EducationCountry, v1.DegreeRecognition, v1.RecordedById));
        Assert.Equal((concepts.Cook, 3.5), (Assert.Single(v1.Experience).Label, v1.Experience[0].Years));
        Assert.Equal(["ar:Native", "sv:Basic"], v1.Languages.Select(l => $"{l.Code}:{l.Level}"));
        Assert.Equal([concepts.Cash, concepts.Truck, concepts.Lifting], v1.Skills.Select(s => s.Label));
        Assert.Equal(["B"], v1.DrivingLicences);

        // The next form starts from version 1.
        var form = WebUtility.HtmlDecode(await client.GetStringAsync(url));
        Assert.Contains($"value=\"{concepts.Cook}\"", form);
        Assert.Contains("name=\"BasedOn\" value=\"1\"", form);
        Assert.Contains("picklist.js", form);

        var second = FirstVersion(concepts);
        second["BasedOn"] = "1";
        second["Input.MappedOn"] = "2025-06-01";
        second["Input.Experience[0].Occupation"] = concepts.Cook;
        second["Input.Experience[0].Years"] = "4";
        second["Input.Experience[1].Occupation"] = concepts.Driver;
        second["Input.Experience[1].Years"] = "1";
        second["Input.Languages[1].Level"] = "Good";
        second["Input.Skills"] = $"{concepts.Cash}, {concepts.Lifting}";
        var saved = await BrobyggeApp.PostFormAsync(client, url, second);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var versions = await MappingsAsync(enrolment.Id);
        Assert.Equal([1, 2], versions.Select(m => m.Number));
        Assert.Equal(3.5, versions[0].Experience[0].Years); // version 1 is never edited
        var enrolled = await _app.WithDbAsync((db, _) => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolment.Id));
        Assert.Equal(new DateOnly(2025, 3, 10), enrolled.MappedOn);

        var history = WebUtility.HtmlDecode(await client.GetStringAsync(saved.Headers.Location));
        Assert.Contains("Kartläggningen sparades.", history);
        Assert.True(history.IndexOf("Version 2, 2025-06-01", StringComparison.Ordinal) < history.IndexOf("Version 1, 2025-03-10", StringComparison.Ordinal));
        Assert.Contains($"Arbetslivserfarenhet: {concepts.Cook} ändrades från 3,5 år till 4 år", history);
        Assert.Contains($"Arbetslivserfarenhet: lade till {concepts.Driver} (1 år)", history);
        Assert.Contains($"Kompetenser: tog bort {concepts.Truck}", history);
        // A language is named, never shown as its code.
        Assert.Contains("Språk: Svenska ändrades från Grundläggande till Goda kunskaper", history);

        var participant = WebUtility.HtmlDecode(await client.GetStringAsync($"/Participants/Details/{enrolment.PersonId}"));
        Assert.Contains("2 versioner – se historiken", participant);
        Assert.Contains($"{concepts.Cook} (4 år)", participant);
    }

    [Fact]
    public async Task Every_problem_is_named_at_its_field_at_once_and_nothing_is_saved()
    {
        var concepts = await ConceptsAsync();
        var (client, _, enrolment) = await CoachWithParticipantAsync();
        var form = FirstVersion(concepts);
        form["Input.MappedOn"] = _app.Clock.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        form["Input.EducationCountry"] = "XX";
        form["Input.Experience[0].Years"] = "61";
        form["Input.Experience[1].Occupation"] = "Astronaut på månen";
        form["Input.Experience[1].Years"] = "2";
        form["Input.Languages[0].Code"] = "xx";
        form["Input.Languages[1].Level"] = "";
        form["Input.Skills"] = $"{concepts.Cash}, Jonglering";
        form["Input.DrivingLicences"] = "Z";

        var response = await BrobyggeApp.PostFormAsync(client, $"/Mappings/New/{enrolment.Id}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TextAsync(response);
        Assert.Contains("Inget sparades", page);
        FieldErrors.AssertNamed(page, "Input.MappedOn", "kan inte vara i framtiden");
        FieldErrors.AssertNamed(page, "Input.EducationCountry", "Det finns inget sådant land.");
        FieldErrors.AssertNamed(page, "Input.Experience[0].Years", "Antal år i yrket är ett tal från 0 till 60.");
        FieldErrors.AssertNamed(page, "Input.Experience[1].Occupation", "Det finns inget yrke som heter ”Astronaut på månen”");
        FieldErrors.AssertNamed(page, "Input.Languages[0].Code", "Det finns inget sådant språk.");
        FieldErrors.AssertNamed(page, "Input.Languages[1].Level", "Välj nivå för det här språket.");
        FieldErrors.AssertNamed(page, "Input.Skills", "Det finns ingen kompetens som heter ”Jonglering”");
        FieldErrors.AssertNamed(page, "Input.DrivingLicences", "Välj körkortsbehörigheter i listan.");
        Assert.Contains("id=\"Input_Experience_1_Occupation\" name=\"Input.Experience[1].Occupation\" value=\"Astronaut på månen\"", page);
        Assert.Contains("aria-invalid=\"true\"", page);
        Assert.Empty(await MappingsAsync(enrolment.Id));
        Assert.Null((await _app.WithDbAsync((db, _) => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolment.Id))).MappedOn);
    }

    [Fact]
    public async Task A_date_before_the_previous_version_is_refused()
    {
        var concepts = await ConceptsAsync();
        var (client, _, enrolment) = await CoachWithParticipantAsync();
        var url = $"/Mappings/New/{enrolment.Id}";
        await BrobyggeApp.PostFormAsync(client, url, FirstVersion(concepts));
        var earlier = FirstVersion(concepts);
        earlier["BasedOn"] = "1";
        earlier["Input.MappedOn"] = "2025-03-09";

        var response = await BrobyggeApp.PostFormAsync(client, url, earlier);

        FieldErrors.AssertNamed(await TextAsync(response), "Input.MappedOn", "Datumet kan inte vara före förra kartläggningens datum, 2025-03-10.");
        Assert.Single(await MappingsAsync(enrolment.Id));
    }

    [Fact]
    public async Task A_coach_cannot_open_or_save_the_mapping_of_another_coachs_participant()
    {
        var concepts = await ConceptsAsync();
        var project = await _app.CreateProjectAsync();
        var mine = await _app.CreateUserAsync(Roles.Coach, project);
        var theirs = await _app.CreateParticipantAsync(project, await _app.CreateUserAsync(Roles.Coach, project));
        var client = await _app.LoginAsync(mine);
        var ownPage = $"/Mappings/New/{(await _app.CreateParticipantAsync(project, mine)).Id}";

        var form = await client.GetAsync($"/Mappings/New/{theirs.Id}");
        var history = await client.GetAsync($"/Mappings/History/{theirs.Id}");
        var post = await BrobyggeApp.PostFormAsync(client, $"/Mappings/New/{theirs.Id}", FirstVersion(concepts), formPage: ownPage);

        Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty(await MappingsAsync(theirs.Id));
    }

    [Fact]
    public async Task Roles_without_participants_cannot_open_the_mapping_pages()
    {
        var project = await _app.CreateProjectAsync();
        var enrolment = await _app.CreateParticipantAsync(project);
        var evaluator = await _app.LoginAsync(await _app.CreateUserAsync(Roles.Evaluator, project));

        foreach (var url in new[] { $"/Mappings/History/{enrolment.Id}", $"/Mappings/New/{enrolment.Id}" })
        {
            var response = await evaluator.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.StartsWith("/Identity/AccessDenied", BrobyggeApp.PathOf(response.Headers.Location), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_second_save_of_the_same_version_is_refused_and_shows_the_other_one_keeping_the_entries()
    {
        var concepts = await ConceptsAsync();
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var manager = await _app.CreateUserAsync(Roles.ProjectManager, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var url = $"/Mappings/New/{enrolment.Id}";
        var managers = FirstVersion(concepts);
        managers["Input.Goals"] = "Bli busschaufför";

        var first = await BrobyggeApp.PostFormAsync(await _app.LoginAsync(coach), url, FirstVersion(concepts));
        var second = await BrobyggeApp.PostFormAsync(await _app.LoginAsync(manager), url, managers);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await TextAsync(second);
        Assert.Contains("Någon annan sparade en kartläggning (version 1)", page);
        Assert.Contains("Version 1, sparad av någon annan", page);
        Assert.Contains("Bli busschaufför</textarea>", page);
        Assert.Contains("name=\"BasedOn\" value=\"1\"", page);
        Assert.Equal("Arbeta i kök", Assert.Single(await MappingsAsync(enrolment.Id)).Goals);

        managers["BasedOn"] = "1";
        var again = await BrobyggeApp.PostFormAsync(await _app.LoginAsync(manager), url, managers);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(["Arbeta i kök", "Bli busschaufför"], (await MappingsAsync(enrolment.Id)).Select(m => m.Goals));
    }

    [Fact]
    public async Task Two_saves_of_the_same_version_at_the_same_moment_keep_one_and_tell_the_other()
    {
        var concepts = await ConceptsAsync();
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var manager = await _app.CreateUserAsync(Roles.ProjectManager, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var url = $"/Mappings/New/{enrolment.Id}";
        var clients = new[] { await _app.LoginAsync(coach), await _app.LoginAsync(manager) };

        var responses = await Task.WhenAll(clients.Select(client => BrobyggeApp.PostFormAsync(client, url, FirstVersion(concepts))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("Någon annan sparade en kartläggning (version 1)", await TextAsync(refused));
        Assert.Single(await MappingsAsync(enrolment.Id));
    }

    [Fact]
    public async Task The_first_form_starts_from_what_the_registration_says_and_the_read_is_audited()
    {
        var (client, coach, enrolment) = await CoachWithParticipantAsync();
        await _app.WithDbAsync(async db =>
        {
            var person = await db.Persons.SingleAsync(p => p.Id == enrolment.PersonId);
            person.Languages = ["ti", "en"];
            person.EducationLevel = 3;
            await db.SaveChangesAsync();
        });

        var form = await client.GetStringAsync($"/Mappings/New/{enrolment.Id}");

        Assert.Contains("name=\"Input.Languages[0].Code\" value=\"ti\"", form);
        Assert.Contains("<option value=\"Native\" selected=\"selected\">", form);
        // The education and Swedish levels are the person's, edited with the personal details: the mapping has none of its own.
        Assert.DoesNotContain("Input.EducationLevel", form);
        Assert.DoesNotContain("Input.SwedishLevel", form);
        Assert.Contains("name=\"BasedOn\" value=\"0\"", form);
        Assert.Contains(await _app.WithDbAsync((db, _) => db.AuditEvents.Where(a => a.EntityId == enrolment.PersonId).ToListAsync()),
            a => a.Action == AuditAction.Read && a.UserId == coach.Id);
    }
}

public sealed class SqliteMappingPagesTests(SqliteApp app) : MappingPagesTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresMappingPagesTests(PostgresApp app) : MappingPagesTests<PostgresApp>(app);
