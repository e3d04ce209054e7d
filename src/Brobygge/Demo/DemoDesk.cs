using Brobygge.Activities;
using Brobygge.Contacts;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Brobygge.Journal;
using Brobygge.Mappings;
using Brobygge.Outcomes;
using Brobygge.Participants;
using Brobygge.Plans;
using Brobygge.Projects;

namespace Brobygge.Demo;

/// <summary>
/// What makes the demo show a coach's working week: mappings, plans with a next step (some overdue), notes and a
/// journal, planned appointments today and in the coming two weeks, people met and waiting to be enrolled, follow-ups
/// about to fall due, and one participant without a coach. Its own random sequence, so the participants themselves
/// stay as they were.
/// </summary>
public static class DemoDesk
{
    /// <summary>The participant (by position) the bridge-builder enrolled and no coach has taken on.</summary>
    public const int WithoutCoach = 12;

    private static readonly string[] Steps = ["Skriva CV", "Anmälan till SFI", "Studiebesök hos arbetsgivare", "Praktik inom äldreomsorgen", "Körkortsteori", "Validering av yrkeskunskaper"];

    private static readonly string[] Notes =
    [
        "Första samtalet, med tolk. Vill arbeta inom vården, har erfarenhet från hemlandet.",
        "Ringde och påminde om mötet. Barnomsorgen är ordnad från nästa månad.",
        "Gick igenom CV:t. Behöver intyg från tidigare arbetsgivare översatta.",
        "Uppföljning efter praktikveckan: trivs, handledaren är nöjd.",
    ];

    private static readonly (string First, string Last, Gender Gender)[] Waiting =
    [
        ("Nadia", "Rahmani", Gender.Woman), ("Tamer", "Saeed", Gender.Man), ("Filmon", "Berhe", Gender.Man), ("Ilhan", "Yusuf", Gender.Woman),
    ];

    public static void Add(BrobyggeDb db, IReadOnlyList<Enrolment> enrolments, User bridgeBuilder, Project project, DateOnly today)
    {
        var random = new Random(2026);
        var active = enrolments.Where(e => e.ExitedOn is null).ToList();
        var appointmentsToday = 0;
        foreach (var enrolment in active)
        {
            var organisation = enrolment.OrganisationId;
            db.Mappings.Add(new Mapping
            {
                OrganisationId = organisation, EnrolmentId = enrolment.Id, Number = 1, MappedOn = enrolment.EnrolledOn.AddDays(7) < today ? enrolment.EnrolledOn.AddDays(7) : enrolment.EnrolledOn,
                EducationField = Pick<string>(random, ["Vård och omsorg", "Handel", "Bygg", "Restaurang"]), DrivingLicences = random.Next(3) == 0 ? ["B"] : [],
                Goals = "Ett arbete där jag kan använda min erfarenhet.", Obstacles = random.Next(2) == 0 ? "Svenskan, barnomsorg." : null,
            });
            for (var n = 0; n < 1 + random.Next(2); n++)
                db.PlanSteps.Add(new PlanStep
                {
                    OrganisationId = organisation, EnrolmentId = enrolment.Id, Title = Steps[(n + random.Next(Steps.Length)) % Steps.Length],
                    Owner = n == 0 ? "Deltagaren" : "Coach", DueOn = today.AddDays(random.Next(-10, 40)), Status = n == 0 ? PlanStepStatus.InProgress : PlanStepStatus.Planned,
                });
            var held = enrolment.Activities.Where(a => a.Status == ActivityStatus.Held && a.Kind == ActivityKind.Meeting).ToList();
            if (held.Count > 0)
                held[0].Notes = Pick(random, Notes);
            if (random.Next(2) == 0)
                db.JournalNotes.Add(new JournalNote
                {
                    OrganisationId = organisation, EnrolmentId = enrolment.Id, WrittenOn = enrolment.EnrolledOn, Text = Pick(random, Notes),
                    AuthorId = enrolment.Assignments.FirstOrDefault(a => a.Role == AssignmentRole.Coach)?.StaffId,
                });
            if (random.Next(10) < 7)
            {
                // A few today (so the start page shows them), the rest in the coming two weeks, at office hours.
                var on = appointmentsToday < 3 && random.Next(3) == 0 ? today : today.AddDays(1 + random.Next(13));
                if (on == today)
                    appointmentsToday++;
                enrolment.Activities.Add(new Activity
                {
                    OrganisationId = organisation, EnrolmentId = enrolment.Id, Kind = Pick<ActivityKind>(random, [ActivityKind.Meeting, ActivityKind.Meeting, ActivityKind.PhoneCall, ActivityKind.HomeVisit]),
                    Status = ActivityStatus.Planned, OccurredOn = on, StartsAt = new TimeOnly(9 + random.Next(7), 15 * random.Next(4)), Language = "sv",
                });
            }
        }

        // Two who left three weeks ago for a job: their four-week follow-ups fall due in the coming two weeks.
        foreach (var leaver in active.Where(e => e.EnrolledOn < today.AddDays(-90) && e.Assignments.Any(a => a.Role == AssignmentRole.Coach)
            && e.Activities.All(a => a.Status == ActivityStatus.Planned || (a.EndsOn ?? a.OccurredOn) <= today.AddDays(-20))).Take(2))
        {
            var exitOn = today.AddDays(-20);
            leaver.Outcomes.Add(new Outcome
            {
                OrganisationId = leaver.OrganisationId, EnrolmentId = leaver.Id, Kind = OutcomeKind.Employment, StartedOn = exitOn,
                EmployerName = "Helsingborgs stad", EmploymentType = EmploymentType.FixedTerm, HoursPerWeek = 30,
            });
            leaver.Activities.RemoveAll(a => a.Status == ActivityStatus.Planned);
            leaver.Exit(exitOn, ExitReason.Employed, Brobygge.FollowUps.FollowUpWindows.Of(project));
        }

        // People the bridge-builder met, waiting to be enrolled.
        foreach (var (first, last, gender) in Waiting)
        {
            var person = new Person
            {
                OrganisationId = project.OrganisationId, FirstName = first, LastName = last, Gender = gender,
                BirthDate = new DateOnly(1975 + random.Next(25), 1 + random.Next(12), 1 + random.Next(28)), District = "Drottninghög", Languages = ["ar", "sv"],
            };
            db.Persons.Add(person);
            db.Contacts.Add(new Contact
            {
                OrganisationId = project.OrganisationId, PersonId = person.Id, ProjectId = project.Id, ContactedOn = today.AddDays(-random.Next(1, 20)),
                Language = "ar", BridgeBuilderId = bridgeBuilder.Id, RegisteredById = bridgeBuilder.Id, Place = "Drottninghögs bibliotek",
                Notes = "Intresserad av praktik. Vill ha nästa möte på arabiska.",
            });
        }
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
