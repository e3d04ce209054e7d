using System.Net;
using Brobygge.Consents;
using Brobygge.Identity;
using Brobygge.Projects;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Consents;

/// <summary>Consent per purpose as dated events through the API: given and withdrawn with how, by whom and the legal
/// basis; "in force on D" exact; bad input names the field and writes nothing.</summary>
public abstract class ConsentsApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private sealed record Participant(Guid PersonId, Project Project, User Coach, HttpClient Client);

    private async Task<Participant> ParticipantAsync()
    {
        _app.Clock.Now = new DateTimeOffset(2025, 9, 1, 9, 0, 0, TimeSpan.Zero);
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        return new Participant(enrolment.PersonId, project, coach, await _app.ApiClientAsync(coach));
    }

    private static string Url(Participant p) => $"/api/v1/participants/{p.PersonId}/consents";

    private Task<int> ConsentsOfAsync(Guid personId) => _app.WithDbAsync((db, _) => db.Consents.CountAsync(c => c.PersonId == personId));

    private Task<HashSet<Guid>> InForceAsync(ConsentPurpose purpose, Guid? partner, DateOnly date)
        => _app.WithDbAsync(async (db, _) => (await db.Consents.InForce(purpose, partner, date).ToListAsync()).ToHashSet());

    [Fact]
    public async Task A_consent_given_and_withdrawn_is_in_force_exactly_between_the_two_dates()
    {
        var p = await ParticipantAsync();

        var given = await (await p.Client.PostJsonAsync(Url(p), new { purpose = "EmployerPresentation", change = "Given", on = "2025-03-10", how = "Paper", formReference = "SAMT-2025-017", basedOn = 0 }))
            .ReadAsync<ConsentsApi.ConsentEventResponse>(HttpStatusCode.Created);
        var withdrawn = await (await p.Client.PostJsonAsync(Url(p), new { purpose = "EmployerPresentation", change = "Withdrawn", on = "2025-06-01", how = "Phone", witness = "Sara Lind, tolk", basedOn = given.Number }))
            .ReadAsync<ConsentsApi.ConsentEventResponse>(HttpStatusCode.Created);

        Assert.Equal(LegalBasis.Consent, given.Basis);
        Assert.Equal(p.Coach.Id, given.ReceivedById);
        Assert.Equal("SAMT-2025-017", given.FormReference);
        Assert.Equal("Sara Lind, tolk", withdrawn.Witness);
        Assert.DoesNotContain(p.PersonId, await InForceAsync(ConsentPurpose.EmployerPresentation, null, new DateOnly(2025, 3, 9)));
        Assert.Contains(p.PersonId, await InForceAsync(ConsentPurpose.EmployerPresentation, null, new DateOnly(2025, 3, 10)));
        Assert.Contains(p.PersonId, await InForceAsync(ConsentPurpose.EmployerPresentation, null, new DateOnly(2025, 5, 31)));
        Assert.DoesNotContain(p.PersonId, await InForceAsync(ConsentPurpose.EmployerPresentation, null, new DateOnly(2025, 6, 1)));
        var read = await (await p.Client.GetAsync(Url(p))).ReadAsync<ConsentsApi.ConsentsResponse>();
        Assert.Equal(2, read.Latest);
        Assert.Equal([ConsentChange.Given, ConsentChange.Withdrawn], read.Events.Select(e => e.Change));
        var standing = Assert.Single(read.Standing);
        Assert.False(standing.InForce);
        Assert.Equal(new DateOnly(2025, 6, 1), standing.Since);
    }

    [Fact]
    public async Task Registration_rests_on_the_public_task_by_default_and_its_withdrawal_is_an_objection_that_keeps_it_in_force()
    {
        var p = await ParticipantAsync();
        var given = await (await p.Client.PostJsonAsync(Url(p), new { purpose = "Registration", change = "Given", on = "2025-03-01", how = "InPerson", basedOn = 0 }))
            .ReadAsync<ConsentsApi.ConsentEventResponse>(HttpStatusCode.Created);

        var withdrawn = await (await p.Client.PostJsonAsync(Url(p), new { purpose = "Registration", change = "Withdrawn", on = "2025-04-01", how = "InPerson", basedOn = 1 }))
            .ReadAsync<ConsentsApi.ConsentEventResponse>(HttpStatusCode.Created);

        Assert.Equal(LegalBasis.PublicTask, given.Basis);
        Assert.Equal(LegalBasis.PublicTask, withdrawn.Basis);
        Assert.Contains(p.PersonId, await InForceAsync(ConsentPurpose.Registration, null, new DateOnly(2025, 4, 2)));
        var standing = Assert.Single((await (await p.Client.GetAsync(Url(p))).ReadAsync<ConsentsApi.ConsentsResponse>()).Standing);
        Assert.True(standing.Objected);
    }

    [Fact]
    public async Task Sharing_with_a_partner_is_in_force_for_that_partner_only()
    {
        var p = await ParticipantAsync();
        var (employmentService, socialInsurance) = await _app.WithDbAsync(async (db, _) =>
        {
            var af = new ProjectPartner { OrganisationId = p.Project.OrganisationId, ProjectId = p.Project.Id, Name = "Arbetsförmedlingen", Kind = PartnerKind.EmploymentService };
            var fk = new ProjectPartner { OrganisationId = p.Project.OrganisationId, ProjectId = p.Project.Id, Name = "Försäkringskassan", Kind = PartnerKind.SocialInsurance };
            db.ProjectPartners.AddRange(af, fk);
            await db.SaveChangesAsync();
            return (af.Id, fk.Id);
        });

        var response = await p.Client.PostJsonAsync(Url(p), new { purpose = "PartnerSharing", partnerId = employmentService, change = "Given", on = "2025-03-01", how = "InPerson", basedOn = 0 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains(p.PersonId, await InForceAsync(ConsentPurpose.PartnerSharing, employmentService, new DateOnly(2025, 3, 1)));
        Assert.DoesNotContain(p.PersonId, await InForceAsync(ConsentPurpose.PartnerSharing, socialInsurance, new DateOnly(2025, 3, 1)));
    }

    [Fact]
    public async Task Sharing_with_an_organisation_that_is_no_partner_of_the_participants_project_is_refused_naming_the_partner()
    {
        var p = await ParticipantAsync();
        var elsewhere = await _app.CreateProjectAsync();
        var theirs = await _app.WithDbAsync(async (db, _) =>
        {
            var partner = new ProjectPartner { OrganisationId = elsewhere.OrganisationId, ProjectId = elsewhere.Id, Name = "Annan", Kind = PartnerKind.Other };
            db.ProjectPartners.Add(partner);
            await db.SaveChangesAsync();
            return partner.Id;
        });

        var errors = await (await p.Client.PostJsonAsync(Url(p), new { purpose = "PartnerSharing", partnerId = theirs, change = "Given", on = "2025-03-01", how = "InPerson", basedOn = 0 }))
            .ValidationErrorsAsync();

        Assert.Equal(["partnerId"], errors.Keys);
        Assert.Equal(0, await ConsentsOfAsync(p.PersonId));
    }

    [Theory]
    [InlineData("Paper", "formReference")]
    [InlineData("Phone", "witness")]
    public async Task A_consent_on_paper_needs_the_forms_reference_and_by_phone_a_witness(string how, string field)
    {
        var p = await ParticipantAsync();

        var errors = await (await p.Client.PostJsonAsync(Url(p), new { purpose = "SmsContact", change = "Given", on = "2025-03-01", how, basedOn = 0 })).ValidationErrorsAsync();

        Assert.Equal([field], errors.Keys);
        Assert.Equal(0, await ConsentsOfAsync(p.PersonId));
    }

    [Fact]
    public async Task Withdrawing_what_was_not_given_on_that_date_is_refused()
    {
        var p = await ParticipantAsync();
        await (await p.Client.PostJsonAsync(Url(p), new { purpose = "SmsContact", change = "Given", on = "2025-05-01", how = "InPerson", basedOn = 0 }))
            .ReadAsync<ConsentsApi.ConsentEventResponse>(HttpStatusCode.Created);

        var errors = await (await p.Client.PostJsonAsync(Url(p), new { purpose = "SmsContact", change = "Withdrawn", on = "2025-04-01", how = "InPerson", basedOn = 1 })).ValidationErrorsAsync();

        Assert.Equal(["change"], errors.Keys);
        Assert.Equal(1, await ConsentsOfAsync(p.PersonId));
    }

    [Fact]
    public async Task Presenting_to_employers_cannot_rest_on_a_public_task()
    {
        var p = await ParticipantAsync();

        var errors = await (await p.Client.PostJsonAsync(Url(p), new { purpose = "EmployerPresentation", change = "Given", on = "2025-03-01", how = "InPerson", basis = "PublicTask", basedOn = 0 }))
            .ValidationErrorsAsync();

        Assert.Equal(["basis"], errors.Keys);
        Assert.Equal(0, await ConsentsOfAsync(p.PersonId));
    }

    [Fact]
    public async Task A_consent_in_the_future_or_without_purpose_date_or_method_names_every_field()
    {
        var p = await ParticipantAsync();

        var errors = await (await p.Client.PostJsonAsync(Url(p), new { change = "Given", basedOn = 0 })).ValidationErrorsAsync();
        var future = await (await p.Client.PostJsonAsync(Url(p), new { purpose = "SmsContact", change = "Given", on = "2025-09-02", how = "InPerson", basedOn = 0 })).ValidationErrorsAsync();

        Assert.Equal(["how", "on", "purpose"], errors.Keys.Order());
        Assert.Equal(["on"], future.Keys);
        Assert.Equal(0, await ConsentsOfAsync(p.PersonId));
    }

    [Fact]
    public async Task A_consent_recorded_on_a_view_someone_else_changed_since_answers_409_and_writes_nothing()
    {
        var p = await ParticipantAsync();
        await (await p.Client.PostJsonAsync(Url(p), new { purpose = "SmsContact", change = "Given", on = "2025-03-01", how = "InPerson", basedOn = 0 }))
            .ReadAsync<ConsentsApi.ConsentEventResponse>(HttpStatusCode.Created);

        var stale = await p.Client.PostJsonAsync(Url(p), new { purpose = "SmsContact", change = "Withdrawn", on = "2025-04-01", how = "InPerson", basedOn = 0 });

        await stale.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await ConsentsOfAsync(p.PersonId));
    }

    [Fact]
    public async Task Two_staff_recording_on_the_same_view_at_the_same_moment_get_one_event_in_and_one_409()
    {
        var p = await ParticipantAsync();
        var colleague = await _app.ApiClientAsync(await _app.CreateUserAsync(Roles.ProjectManager, p.Project));

        var responses = await Simultaneous.SendAsync(
        [
            (p.Client, Simultaneous.Json(HttpMethod.Post, Url(p), new { purpose = "SmsContact", change = "Given", on = "2025-03-01", how = "InPerson", basedOn = 0 })),
            (colleague, Simultaneous.Json(HttpMethod.Post, Url(p), new { purpose = "Registration", change = "Given", on = "2025-03-01", how = "InPerson", basedOn = 0 })),
        ]);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await ConsentsOfAsync(p.PersonId));
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task Another_coachs_participant_is_not_found_for_reading_or_recording()
    {
        var p = await ParticipantAsync();
        var otherCoach = await _app.CreateUserAsync(Roles.Coach, p.Project);
        var other = await _app.ApiClientAsync(otherCoach);

        var read = await other.GetAsync(Url(p));
        var write = await other.PostJsonAsync(Url(p), new { purpose = "SmsContact", change = "Given", on = "2025-03-01", how = "InPerson", basedOn = 0 });

        await read.ProblemAsync(HttpStatusCode.NotFound);
        await write.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await ConsentsOfAsync(p.PersonId));
    }
}

public sealed class SqliteConsentsApiTests(SqliteApp app) : ConsentsApiTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresConsentsApiTests(PostgresApp app) : ConsentsApiTests<PostgresApp>(app);
