using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Leaving;
using Brobygge.Participants;
using Brobygge.Projects;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Reports;

/// <summary>Participants with the facts funders count, written as the pages would leave them (periods, follow-ups,
/// situations upon leaving and special-category answers through the save pipeline).</summary>
public static class FunderCohort
{
    public sealed record Entry(Gender Gender, int Age, int? Isced, LabourStatusAtEntry Status, string[] Citizenship, string? BornIn,
        ParentsBornAbroad? Parents = null, DateOnly? EnrolledOn = null, DateOnly? ExitedOn = null,
        (SpecialAnswer Disability, SpecialAnswer Minority, SpecialAnswer Homelessness)? Special = null,
        (LeavingSituationKind Kind, DateOnly On)[]? UponLeaving = null, (DateOnly On, FollowUpStatus Status)? SixMonths = null,
        string? Municipality = null);

    public static async Task<Project> ProjectAsync(BrobyggeApp app, FunderProfileKind profile)
    {
        var project = await app.CreateProjectAsync();
        await app.WithDbAsync(async db =>
        {
            var saved = await db.Projects.SingleAsync(p => p.Id == project.Id);
            saved.FunderProfile = profile;
            await db.SaveChangesAsync();
        });
        project.FunderProfile = profile;
        return project;
    }

    public static async Task<Enrolment> EnrolAsync(BrobyggeApp app, Project project, Entry entry, User? coach = null)
        => await app.WithDbAsync(async (db, _) =>
        {
            var enrolledOn = entry.EnrolledOn ?? new DateOnly(2025, 3, 1);
            var person = new Person
            {
                OrganisationId = project.OrganisationId, FirstName = "Fnamn" + Guid.NewGuid().ToString("N")[..6], LastName = "Enamn" + Guid.NewGuid().ToString("N")[..6],
                Gender = entry.Gender, BirthDate = enrolledOn.AddYears(-entry.Age).AddDays(-3),
            };
            var enrolment = new Enrolment
            {
                OrganisationId = project.OrganisationId, ProjectId = project.Id, PersonId = person.Id, Reference = "REF-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
                EnrolledOn = enrolledOn, StatusAtEntry = entry.Status, GenderAtEntry = entry.Gender, AgeAtEntry = entry.Age, EducationLevelAtEntry = entry.Isced,
                Citizenship = [.. entry.Citizenship], CountryOfBirth = entry.BornIn, ParentsBornAbroad = entry.Parents, MunicipalityAtEntry = entry.Municipality,
            };
            if (coach is not null)
                enrolment.Assignments.Add(new Assignment { OrganisationId = project.OrganisationId, EnrolmentId = enrolment.Id, StaffId = coach.Id, Role = AssignmentRole.Coach, StartedOn = enrolledOn });
            if (entry.ExitedOn is { } exit)
            {
                enrolment.Exit(exit, ExitReason.Completed);
                if (entry.SixMonths is { } six)
                {
                    var followUp = enrolment.FollowUps.Single(f => f.Kind == FollowUpKind.SixMonths);
                    followUp.RecordedOn = six.On;
                    followUp.Status = six.Status;
                    followUp.ContactMethod = ContactMethod.Phone;
                }
            }
            db.Persons.Add(person);
            db.Enrolments.Add(enrolment);
            if (entry.Special is { } special)
                foreach (var (category, answer) in new[] { (SpecialCategory.Disability, special.Disability), (SpecialCategory.Minority, special.Minority), (SpecialCategory.Homelessness, special.Homelessness) })
                    db.SpecialCategoryAnswers.Add(new SpecialCategoryAnswer { OrganisationId = project.OrganisationId, EnrolmentId = enrolment.Id, Category = category, Answer = answer, CollectedOn = enrolledOn });
            foreach (var (kind, on) in entry.UponLeaving ?? [])
                db.LeavingSituations.Add(new LeavingSituation { OrganisationId = project.OrganisationId, EnrolmentId = enrolment.Id, Kind = kind, On = on });
            await db.SaveChangesAsync();
            enrolment.Person = person;
            return enrolment;
        });
}
