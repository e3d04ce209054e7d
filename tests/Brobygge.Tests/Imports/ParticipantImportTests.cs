using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Imports;
using Brobygge.Participants;
using Brobygge.Projects;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Scope = "namespace", Target = "~N:Brobygge.Tests.Imports",
    Justification = "Mirrors the feature folder Imports; no Visual Basic code uses the tests.")]

namespace Brobygge.Tests.Imports;

/// <summary>The participant import (participants-import.md) on the command line, on SQLite and PostgreSQL: the shared
/// cohort and a cohort in the shape of Rekrytera's give their figures through a query over the enrolments, a bad file
/// names every bad line and writes nothing, and importing again updates instead of duplicating.</summary>
public abstract class ParticipantImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private const string Header = Cohorts.Header;

    [Fact]
    public async Task The_shared_cohort_imports_and_its_enrolments_give_the_published_figures()
    {
        var project = await ProjectAsync(new DateOnly(2020, 1, 1), new DateOnly(2023, 12, 31));

        var (exitCode, output, error) = await ImportAsync(SharedData.PathTo("data", "cohort-glomda.csv"), project);

        Assert.True(exitCode == 0, error);
        Assert.Contains("252 participants created, 0 updated", output);
        foreach (var asOf in new[] { new DateOnly(2023, 1, 1), _app.Clock.Today })
        {
            var figures = await FiguresAsync(project, asOf);
            Assert.Equal((252, 116, 136, 59, 57, 0), (figures.Participants, figures.Women, figures.Men, figures.Employed, figures.Studying, figures.FollowedUp));
        }
    }

    [Fact]
    public async Task A_cohort_in_the_shape_of_Rekrytera_imports_and_gives_its_figures()
    {
        var project = await ProjectAsync(new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31));
        var file = await WriteAsync(Cohorts.Rekrytera());

        var (exitCode, output, error) = await ImportAsync(file, project);

        Assert.True(exitCode == 0, error);
        Assert.Contains("339 participants created", output);
        var figures = await FiguresAsync(project, _app.Clock.Today);
        Assert.Equal((339, 146, 220, 46), (figures.Participants, figures.Women, figures.Employed, figures.Studying));
        Assert.True(figures.Unreached > 0, "some employed participants were not reached at six months");
        Assert.True(figures.Reached > 0 && figures.StillEmployed >= 0.85 * figures.Reached,
            $"{figures.StillEmployed} of {figures.Reached} reached are still employed: less than 85 %");
    }

    [Fact]
    public async Task A_bad_file_names_every_bad_line_with_column_value_and_reason_and_imports_nothing()
    {
        var project = await ProjectAsync(new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31));
        var file = await WriteAsync(
            Header,
            "A-1,,Amal,Omar,woman,1990-05-17,unemployed,2023-02-01,,,,,,,,,",
            "A-2,,Bo,Berg,robot,1990-05-17,unemployed,2023-02-01,,,,,,,,,",
            "A-3,,Cem,Cil,man,1990-05-17,unemployed,2023-02-01,,,2023-03-01,,,,,,",
            "A-4,,Dua,Dag,woman,1990-05-17,unemployed,2023-02-01,,,,,,,,,",
            "A-5,,Eda,Ek,woman,1990-05-17,unemployed,2023-02-01,2023-06-30,completed,,,,,,2023-09-01,employed",
            "A-1,,Fia,Fors,woman,1990-05-17,unemployed,2023-02-30,,,,,,,,,");

        var (exitCode, _, error) = await ImportAsync(file, project);

        Assert.Equal(1, exitCode);
        Assert.Contains("line 3: gender: robot: ", error);
        Assert.Contains("line 4: employment_type: : Choose the type of employment.", error);
        Assert.Contains("line 4: employer: : Enter the employer.", error);
        Assert.Contains("line 6: followup_6m_on: 2023-09-01: The six-month follow-up is made within its window after the exit (by default 5 to 9 months after it).", error);
        Assert.Contains("line 7: ref: A-1: The same reference is on line 2 too.", error);
        Assert.Contains("line 7: enrolled_on: 2023-02-30: Write the date as YYYY-MM-DD.", error);
        Assert.DoesNotContain("line 2:", error);
        Assert.DoesNotContain("line 5:", error);
        Assert.Equal(0, await EnrolmentsInAsync(project));
    }

    [Fact]
    public async Task An_unknown_column_and_a_missing_required_column_are_named_on_line_1()
    {
        var project = await ProjectAsync(new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31));
        var file = await WriteAsync("ref,first_name,last_nmae,gender,birth_date,status_at_entry,enrolled_on", "A-1,Amal,Omar,woman,1990-05-17,unemployed,2023-02-01");

        var (exitCode, _, error) = await ImportAsync(file, project);

        Assert.Equal(1, exitCode);
        Assert.Contains("line 1: last_nmae: : This column is not part of the format", error);
        Assert.Contains("line 1: last_name: : The header lacks this required column.", error);
        Assert.Equal(0, await EnrolmentsInAsync(project));
    }

    [Fact]
    public async Task A_dry_run_checks_the_file_and_writes_nothing()
    {
        var project = await ProjectAsync(new DateOnly(2020, 1, 1), new DateOnly(2023, 12, 31));
        var persons = await _app.WithDbAsync((db, _) => db.Persons.CountAsync());

        var (exitCode, output, error) = await ImportAsync(SharedData.PathTo("data", "cohort-glomda.csv"), project, "--dry-run");

        Assert.True(exitCode == 0, error);
        Assert.Contains("252 participants would be created", output);
        Assert.Equal(0, await EnrolmentsInAsync(project));
        Assert.Equal(persons, await _app.WithDbAsync((db, _) => db.Persons.CountAsync()));
    }

    [Fact]
    public async Task Importing_the_same_refs_again_updates_them_and_corrects_the_exit_instead_of_duplicating()
    {
        var project = await ProjectAsync(new DateOnly(2020, 1, 1), new DateOnly(2023, 12, 31));
        var cohort = SharedData.PathTo("data", "cohort-glomda.csv");
        Assert.Equal(0, (await ImportAsync(cohort, project)).ExitCode);
        var lines = await File.ReadAllLinesAsync(cohort);
        // GLR-0003 left on 2021-03-23: the second file corrects the exit to a day later.
        lines[3] = lines[3].Replace("2020-08-13,2021-03-23,2021-03-23", "2020-08-13,2021-03-24,2021-03-23", StringComparison.Ordinal);
        var changed = await WriteAsync(lines);

        var (exitCode, output, error) = await ImportAsync(changed, project);

        Assert.True(exitCode == 0, error);
        Assert.Contains("0 participants created, 252 updated", output);
        Assert.Equal(252, await EnrolmentsInAsync(project));
        var figures = await FiguresAsync(project, _app.Clock.Today);
        Assert.Equal((252, 59, 57), (figures.Participants, figures.Employed, figures.Studying));
        var corrected = await _app.WithDbAsync((db, _) => db.Enrolments.Include(e => e.Outcomes).SingleAsync(e => e.ProjectId == project.Id && e.Reference == "GLR-0003"));
        Assert.Equal(new DateOnly(2021, 3, 24), corrected.ExitedOn);
        Assert.Single(corrected.Outcomes);
        Assert.True(await _app.WithDbAsync((db, _) => db.AuditEvents.AnyAsync(a => a.EntityId == corrected.Id && a.Action == Brobygge.Auditing.AuditAction.Update)),
            "the exit correction has its audit entry");
    }

    [Fact]
    public async Task The_same_person_twice_and_a_number_the_importer_may_not_see_are_row_errors()
    {
        var project = await ProjectAsync(new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31));
        var manager = await _app.CreateUserAsync(Roles.ProjectManager, project);
        var numbers = TestNumbers();
        // Someone in another project of the same organisation, which the manager does not work in.
        await _app.WithDbAsync(async (db, services) =>
        {
            var protector = services.GetRequiredService<IdentityNumberProtector>();
            var other = new Project { OrganisationId = project.OrganisationId, Code = CommandLineTesting.Unique("OTHER"), Name = "Annat", StartsOn = project.StartsOn, EndsOn = project.EndsOn };
            var number = PersonalIdentityNumber.Parse(numbers[2], _app.Clock.Today);
            var person = new Person { OrganisationId = project.OrganisationId, FirstName = "Hidden", LastName = "Person", BirthDate = number.BirthDate, IdentityNumberCipher = protector.Protect(number), IdentityNumberIndex = await protector.IndexAsync(number) };
            db.AddRange(other, person, new Enrolment { OrganisationId = project.OrganisationId, ProjectId = other.Id, PersonId = person.Id, Reference = "X-1", EnrolledOn = new DateOnly(2023, 1, 1) });
            await db.SaveChangesAsync();
            return 0;
        });
        var table = Csv(
            Header,
            $"A-1,{numbers[0]},Amal,Omar,woman,,unemployed,2023-02-01,,,,,,,,,",
            $"A-2,{numbers[1]},Bo,Berg,man,,unemployed,2023-02-01,,,,,,,,,",
            $"A-3,{numbers[0]},Cem,Cil,man,,unemployed,2023-02-01,,,,,,,,,",
            $"A-4,{numbers[2]},Dua,Dag,woman,,unemployed,2023-02-01,,,,,,,,,");

        var result = await AsUserAsync(manager, (db, protector) => ParticipantImport.RunAsync(db, protector, project, table, _app.Clock.Today, dryRun: false, CancellationToken.None));

        var report = result.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains($"line 4: personal_number: {numbers[0]}: The same person (personal number) is on line 2 too.", report);
        Assert.Contains($"line 5: personal_number: {numbers[2]}: {ParticipantInput.CannotBeUsed}", report);
        Assert.Equal(2, report.Count);
        Assert.False(result.Written);
        Assert.Equal(0, await EnrolmentsInAsync(project));
    }

    [Fact]
    public async Task Xlsx_and_semicolon_separated_csv_with_a_byte_order_mark_read_alike()
    {
        var project = await ProjectAsync(new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31));
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var xlsx = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.xlsx");
        var rows = new List<Dictionary<string, object>>
        {
            new() { ["Ref"] = "X-1", ["First_Name"] = "Amal", ["last_name"] = "Omar", ["gender"] = "kvinna", ["birth_date"] = new DateTime(1990, 5, 17), ["status_at_entry"] = "unemployed", ["enrolled_on"] = "2023-02-01", ["coach"] = coach.Email!, ["education_level"] = 3 },
        };
        await MiniExcel.SaveAsAsync(xlsx, rows);
        var csv = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "ref;first_name;last_name;gender;birth_date;status_at_entry;enrolled_on;languages;district\n"
            + "S-1;Bo;\"Berg; Jr\";man;1985-01-02;long_term_unemployed;2023-03-01;ar|sv;Drottninghög\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var fromXlsx = await ImportAsync(xlsx, project);
        var fromCsv = await ImportAsync(csv, project);

        Assert.True(fromXlsx.ExitCode == 0, fromXlsx.Error);
        Assert.True(fromCsv.ExitCode == 0, fromCsv.Error);
        var enrolments = await _app.WithDbAsync((db, _) => db.Enrolments.Include(e => e.Person).Include(e => e.Assignments)
            .Where(e => e.ProjectId == project.Id).OrderBy(e => e.Reference).ToListAsync());
        Assert.Equal(["S-1", "X-1"], enrolments.Select(e => e.Reference));
        Assert.Equal(("Berg; Jr", Gender.Man, "Drottninghög"), (enrolments[0].Person!.LastName, enrolments[0].Person!.Gender, enrolments[0].Person!.District));
        Assert.Equal(["ar", "sv"], enrolments[0].Person!.Languages);
        Assert.Equal((Gender.Woman, new DateOnly(1990, 5, 17), 3), (enrolments[1].Person!.Gender, enrolments[1].Person!.BirthDate, enrolments[1].Person!.EducationLevel));
        Assert.Equal(coach.Id, Assert.Single(enrolments[1].Assignments).StaffId);
    }

    [Fact]
    public async Task A_six_month_follow_up_is_recorded_without_an_invented_contact_method_and_closed_windows_are_not_scheduled()
    {
        var project = await ProjectAsync(new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31));
        var file = await WriteAsync(Header, "F-1,,Amal,Omar,woman,1990-05-17,unemployed,2023-02-01,2023-06-30,,2023-06-01,permanent,Kommunen,,,2024-01-05,employed");

        var (exitCode, _, error) = await ImportAsync(file, project);

        Assert.True(exitCode == 0, error);
        var enrolment = await _app.WithDbAsync((db, _) => db.Enrolments.Include(e => e.FollowUps).SingleAsync(e => e.ProjectId == project.Id));
        var followUp = Assert.Single(enrolment.FollowUps);
        Assert.Equal((FollowUpKind.SixMonths, FollowUpStatus.Employed, ContactMethod.NotRecorded), (followUp.Kind, followUp.Status!.Value, followUp.ContactMethod!.Value));
        Assert.Equal((ExitReason.NotGiven, new DateOnly(2024, 1, 5), FollowUpStatus.Employed, new DateOnly(2023, 6, 1)),
            (enrolment.ExitReason!.Value, enrolment.FollowUp6mOn!.Value, enrolment.FollowUp6mStatus!.Value, enrolment.FirstJobOn!.Value));
    }

    [Fact]
    public async Task A_row_with_municipality_lma_number_facts_at_entry_and_upon_leaving_lands_in_their_homes()
    {
        var project = await ProjectAsync(new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31));
        var file = await WriteAsync(
            "ref,first_name,last_name,gender,birth_date,education_level,status_at_entry,enrolled_on,exited_on,municipality_code,lma_number,unemployed_since,citizenship,country_of_birth,parents_born_abroad,upon_leaving",
            "L-1,Amal,Omar,woman,1990-05-17,3,unemployed,2023-02-01,2023-06-30,1283,12-345678,2022-11-01,SY|se,SY,both,employed|qualification");

        var (exitCode, _, error) = await ImportAsync(file, project);

        Assert.True(exitCode == 0, error);
        var lmaIndex = await _app.Services.GetRequiredService<IdentityNumberProtector>().IndexAsync(LmaNumber.TryParse("12-345678", out var lma) ? lma.Value : throw new InvalidOperationException());
        await _app.WithDbAsync(async (db, _) =>
        {
            var enrolment = await db.Enrolments.Include(e => e.Person).Include(e => e.Periods).Include(e => e.FollowUps).SingleAsync(e => e.ProjectId == project.Id);
            Assert.Equal(("1283", lmaIndex), (enrolment.Person!.MunicipalityCode, enrolment.Person.LmaNumberIndex));
            Assert.DoesNotContain("345678", enrolment.Person.LmaNumberCipher!, StringComparison.Ordinal);
            Assert.Equal((Gender.Woman, 32, (int?)3, "1283"), (enrolment.GenderAtEntry, enrolment.AgeAtEntry, enrolment.EducationLevelAtEntry, enrolment.MunicipalityAtEntry));
            Assert.Equal((new DateOnly(2022, 11, 1), "SY", ParentsBornAbroad.Both), (enrolment.UnemployedSince!.Value, enrolment.CountryOfBirth, enrolment.ParentsBornAbroad!.Value));
            Assert.Equal(["SE", "SY"], enrolment.Citizenship.Order());
            var period = Assert.Single(enrolment.Periods);
            Assert.Equal((new DateOnly(2023, 2, 1), new DateOnly(2023, 6, 30), RecordOrigin.Import), (period.StartedOn, period.EndedOn!.Value, period.Origin));
            Assert.All(enrolment.FollowUps, f => Assert.Equal(period.Id, f.PeriodId));
            var leaving = await db.LeavingSituations.Where(l => l.EnrolmentId == enrolment.Id).OrderBy(l => l.Kind).ToListAsync();
            Assert.Equal([Brobygge.Leaving.LeavingSituationKind.InWork, Brobygge.Leaving.LeavingSituationKind.QualificationGained], leaving.Select(l => l.Kind));
            Assert.All(leaving, l => Assert.Equal((new DateOnly(2023, 6, 30), RecordOrigin.Import), (l.On, l.Origin)));
            return 0;
        });
    }

    [Fact]
    public async Task A_re_import_that_moves_an_exit_so_a_recorded_follow_up_leaves_its_window_names_the_line_and_writes_nothing()
    {
        var project = await ProjectAsync(new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31));
        Assert.Equal(0, (await ImportAsync(await WriteAsync(Header, "E-1,,Amal,Omar,woman,1990-05-17,unemployed,2023-02-01,2023-06-30,completed,,,,,,,"), project)).ExitCode);
        // Staff record the six-month follow-up on 2024-01-05, inside its window after the exit (2023-11-30 to 2024-03-30).
        var enrolmentId = await _app.WithDbAsync(async (db, _) =>
        {
            var enrolment = await db.Enrolments.Include(e => e.Periods).SingleAsync(e => e.ProjectId == project.Id);
            db.FollowUps.Add(new FollowUp
            {
                OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, PeriodId = Assert.Single(enrolment.Periods).Id, Kind = FollowUpKind.SixMonths,
                DueOn = new DateOnly(2023, 12, 30), RecordedOn = new DateOnly(2024, 1, 5), Status = FollowUpStatus.Employed, ContactMethod = ContactMethod.Phone, SameEmployer = true,
            });
            await db.SaveChangesAsync();
            return enrolment.Id;
        });
        var audited = await AuditEventsOfAsync(enrolmentId);

        // Moved to 2023-03-01, the window would be 2023-08-01 to 2023-12-01: the follow-up staff recorded would fall outside.
        var (exitCode, _, error) = await ImportAsync(await WriteAsync(Header, "E-1,,Amal,Omar,woman,1990-05-17,unemployed,2023-02-01,2023-03-01,completed,,,,,,,"), project);

        Assert.Equal(1, exitCode);
        Assert.Contains("line 2: exited_on: 2023-03-01: The six-month follow-up already recorded would then lie outside its window after the exit; correct the follow-up first.", error);
        var stored = await _app.WithDbAsync((db, _) => db.Enrolments.Include(e => e.Periods).Include(e => e.FollowUps).SingleAsync(e => e.Id == enrolmentId));
        Assert.Equal(new DateOnly(2023, 6, 30), stored.ExitedOn);
        Assert.Equal(new DateOnly(2023, 6, 30), Assert.Single(stored.Periods).EndedOn);
        Assert.Equal((new DateOnly(2024, 1, 5), RecordOrigin.Staff), (Assert.Single(stored.FollowUps).RecordedOn, stored.FollowUps[0].Origin));
        Assert.Equal(audited, await AuditEventsOfAsync(enrolmentId));
    }

    [Fact]
    public async Task A_re_import_that_moves_and_then_removes_an_exit_corrects_the_period_and_then_re_enters_keeping_the_follow_up_as_history()
    {
        var project = await ProjectAsync(new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31));
        Assert.Equal(0, (await ImportAsync(await WriteAsync(Header, "P-1,,Amal,Omar,woman,1990-05-17,unemployed,2023-02-01,2023-06-30,completed,,,,,,2024-01-05,employed"), project)).ExitCode);

        // The exit moves a month later, and the six-month follow-up with it.
        var moved = await ImportAsync(await WriteAsync(Header, "P-1,,Amal,Omar,woman,1990-05-17,unemployed,2023-02-01,2023-07-31,completed,,,,,,2024-02-05,employed"), project);

        Assert.True(moved.ExitCode == 0, moved.Error);
        var corrected = await EnrolmentWithRecordsAsync(project);
        var period = Assert.Single(corrected.Periods);
        Assert.Equal((new DateOnly(2023, 2, 1), new DateOnly(2023, 7, 31), ExitReason.Completed), (period.StartedOn, period.EndedOn!.Value, period.ExitReason!.Value));
        var followUp = Assert.Single(corrected.FollowUps);
        Assert.Equal((FollowUpKind.SixMonths, new DateOnly(2024, 2, 5), FollowUpStatus.Employed, period.Id), (followUp.Kind, followUp.RecordedOn!.Value, followUp.Status!.Value, followUp.PeriodId!.Value));
        Assert.Equal((new DateOnly(2023, 7, 31), new DateOnly(2024, 2, 5)), (corrected.ExitedOn!.Value, corrected.FollowUp6mOn!.Value));

        // The exit is gone from the file: a re-entry on the day of the earlier exit.
        var reEntered = await ImportAsync(await WriteAsync(Header, "P-1,,Amal,Omar,woman,1990-05-17,unemployed,2023-02-01,,,,,,,,,"), project);

        Assert.True(reEntered.ExitCode == 0, reEntered.Error);
        var enrolment = await EnrolmentWithRecordsAsync(project);
        Assert.Equal([(new DateOnly(2023, 2, 1), (DateOnly?)new DateOnly(2023, 7, 31)), (new DateOnly(2023, 7, 31), null)],
            enrolment.Periods.OrderBy(p => p.EndedOn is null).Select(p => (p.StartedOn, p.EndedOn)));
        Assert.Null(enrolment.ExitedOn);
        // The follow-up of the earlier exit is kept, still on its period, but no longer counted.
        Assert.Equal((followUp.Id, period.Id), (Assert.Single(enrolment.FollowUps).Id, enrolment.FollowUps[0].PeriodId!.Value));
        Assert.Null(enrolment.FollowUp6mOn);
        Assert.Null(enrolment.FollowUp6mStatus);
    }

    [Fact]
    public async Task A_re_import_corrects_the_facts_at_entry_from_the_row_audited_and_an_empty_cell_leaves_a_fact_alone()
    {
        var project = await ProjectAsync(new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31));
        const string header = "ref,first_name,last_name,gender,birth_date,education_level,status_at_entry,enrolled_on,municipality_code,unemployed_since,citizenship,country_of_birth,parents_born_abroad";
        Assert.Equal(0, (await ImportAsync(await WriteAsync(header, "C-1,Amal,Omar,woman,1990-05-17,3,unemployed,2023-02-01,1283,2022-11-01,SY,SY,both"), project)).ExitCode);
        var first = await _app.WithDbAsync((db, _) => db.Enrolments.SingleAsync(e => e.ProjectId == project.Id));
        var audited = await AuditEventsOfAsync(first.Id);

        var corrected = await ImportAsync(await WriteAsync(header, "C-1,Amal,Omar,non_binary,1991-05-17,5,inactive,2023-02-01,0180,,IQ|SE,IQ,one"), project);

        Assert.True(corrected.ExitCode == 0, corrected.Error);
        var enrolment = await _app.WithDbAsync((db, _) => db.Enrolments.SingleAsync(e => e.ProjectId == project.Id));
        Assert.Equal((Gender.NonBinary, 31, (int?)5, "0180", LabourStatusAtEntry.Inactive, (DateOnly?)null),
            (enrolment.GenderAtEntry, enrolment.AgeAtEntry, enrolment.EducationLevelAtEntry, enrolment.MunicipalityAtEntry, enrolment.StatusAtEntry, enrolment.UnemployedSince));
        Assert.Equal(["IQ", "SE"], enrolment.Citizenship.Order());
        Assert.Equal(("IQ", ParentsBornAbroad.One), (enrolment.CountryOfBirth, enrolment.ParentsBornAbroad!.Value));
        Assert.NotEqual(first.Version, enrolment.Version);
        Assert.True(await _app.WithDbAsync((db, _) => db.AuditEvents.AnyAsync(a => a.EntityId == enrolment.Id && a.Action == Brobygge.Auditing.AuditAction.Update && a.Sequence > audited.MaxSequence)),
            "the correction of the facts at entry has its audit entry");

        // Empty cells: the facts stay as corrected.
        var again = await ImportAsync(await WriteAsync(header, "C-1,Amal,Omar,non_binary,1991-05-17,,inactive,2023-02-01,,,,,"), project);

        Assert.True(again.ExitCode == 0, again.Error);
        var kept = await _app.WithDbAsync((db, _) => db.Enrolments.SingleAsync(e => e.ProjectId == project.Id));
        Assert.Equal(((int?)5, "0180", "IQ", ParentsBornAbroad.One, 2), (kept.EducationLevelAtEntry, kept.MunicipalityAtEntry, kept.CountryOfBirth, kept.ParentsBornAbroad!.Value, kept.Citizenship.Count));
    }

    // ---- helpers ----

    private Task<(int Count, long MaxSequence)> AuditEventsOfAsync(Guid entityId)
        => _app.WithDbAsync(async (db, _) => (await db.AuditEvents.CountAsync(a => a.EntityId == entityId),
            await db.AuditEvents.Where(a => a.EntityId == entityId).MaxAsync(a => (long?)a.Sequence) ?? 0));

    private Task<Enrolment> EnrolmentWithRecordsAsync(Project project)
        => _app.WithDbAsync((db, _) => db.Enrolments.Include(e => e.Periods).Include(e => e.FollowUps).SingleAsync(e => e.ProjectId == project.Id));

    private sealed record Figures(int Participants, int Women, int Men, int Employed, int Studying, int FollowedUp, int Reached, int StillEmployed, int Unreached);

    /// <summary>The figures of participants-import.md ("How the goal report counts these rows"), as of a date, read from
    /// the enrolments' milestones.</summary>
    private Task<Figures> FiguresAsync(Project project, DateOnly asOf)
        => _app.WithDbAsync(async (db, _) =>
        {
            var rows = await db.Enrolments.Where(e => e.ProjectId == project.Id && e.EnrolledOn <= asOf)
                .Select(e => new { e.Person!.Gender, e.FirstJobOn, e.FirstStudiesOn, e.FollowUp6mOn, e.FollowUp6mStatus }).ToListAsync();
            var employed = rows.Where(r => r.FirstJobOn <= asOf).ToList();
            var followed = employed.Where(r => r.FollowUp6mOn <= asOf).ToList();
            var reached = followed.Where(r => r.FollowUp6mStatus is FollowUpStatus.Employed or FollowUpStatus.Studying or FollowUpStatus.NotEmployed).ToList();
            return new Figures(rows.Count, rows.Count(r => r.Gender == Gender.Woman), rows.Count(r => r.Gender == Gender.Man),
                employed.Count, rows.Count(r => r.FirstStudiesOn <= asOf), rows.Count(r => r.FollowUp6mOn <= asOf),
                reached.Count, reached.Count(r => r.FollowUp6mStatus == FollowUpStatus.Employed), followed.Count(r => r.FollowUp6mStatus == FollowUpStatus.Unreached));
        });


    private static string[] TestNumbers()
        => JsonSerializer.Deserialize<string[]>(File.ReadAllText(SharedData.PathTo("data", "skatteverket-testpersonnummer.json")))!
            .Where(n => n.StartsWith("198", StringComparison.Ordinal)).Take(3).ToArray();

    private async Task<Project> ProjectAsync(DateOnly startsOn, DateOnly endsOn)
    {
        var project = await _app.CreateProjectAsync(CommandLineTesting.Unique("IMP"));
        await _app.WithDbAsync(async db =>
        {
            var stored = await db.Projects.SingleAsync(p => p.Id == project.Id);
            stored.StartsOn = startsOn;
            stored.EndsOn = endsOn;
            await db.SaveChangesAsync();
        });
        project.StartsOn = startsOn;
        project.EndsOn = endsOn;
        return project;
    }

    private Task<(int ExitCode, string Output, string Error)> ImportAsync(string file, Project project, params string[] more)
        => _app.RunCommandLineWithOutputAsync(["import", "participants", file, "--project", project.Code, .. more]);

    private static async Task<string> WriteAsync(params IEnumerable<string> lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    private static ImportTable Csv(params string[] lines)
        => ImportFile.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))));

    private Task<int> EnrolmentsInAsync(Project project)
        => _app.WithDbAsync((db, _) => db.Enrolments.CountAsync(e => e.ProjectId == project.Id));

    private async Task<T> AsUserAsync<T>(User user, Func<BrobyggeDb, IdentityNumberProtector, Task<T>> work)
    {
        await using var db = _app.CreateDb(BrobyggeApp.ScopeOf(user, Roles.ProjectManager));
        return await work(db, _app.Services.GetRequiredService<IdentityNumberProtector>());
    }
}

public sealed class SqliteParticipantImportTests(SqliteApp app) : ParticipantImportTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresParticipantImportTests(PostgresApp app) : ParticipantImportTests<PostgresApp>(app);
