using Brobygge.Activities;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Organisations;
using Brobygge.Outcomes;
using Brobygge.Participants;
using Brobygge.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Demo;

/// <summary>
/// A demo organisation with one project shaped like Rekrytera: synthetic participants (names invented,
/// identity numbers only from Skatteverket's test series) and one login per role.
/// </summary>
public static class DemoData
{
    public const string Password = "Brobygge-demo-2026";
    public const string OrganisationName = "Demo: Nordöstra Helsingborg";
    public const string ProjectCode = "REKRYTERA-DEMO";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string[] Languages)> Logins =
    [
        ("projektledare@demo.brobygge.se", "Maria Lindqvist", Roles.ProjectManager, ["sv", "en"]),
        ("coach@demo.brobygge.se", "Ahmad Karimi", Roles.Coach, ["sv", "fa", "prs"]),
        ("coach2@demo.brobygge.se", "Sara Nilsson", Roles.Coach, ["sv", "en", "so"]),
        ("brobyggare@demo.brobygge.se", "Nour Haddad", Roles.BridgeBuilder, ["ar", "sv"]),
        ("arbetsgivare@demo.brobygge.se", "Johan Berg", Roles.EmployerLiaison, ["sv", "en"]),
        ("partner@demo.brobygge.se", "Eva Holm (Arbetsförmedlingen)", Roles.PartnerLiaison, ["sv"]),
        ("utvarderare@demo.brobygge.se", "Karin Ek", Roles.Evaluator, ["sv", "en"]),
        ("admin@demo.brobygge.se", "Admin Demo", Roles.Administrator, ["sv"]),
    ];

    // Skatteverket's test personnummer: they can never belong to a real person.
    private static readonly string[] TestIdentityNumbers =
    [
        "198010229238", "198101142399", "198102012385", "198104062396", "198203192383", "198301212398",
        "198306022388", "198308282394", "198311212388", "198411092391", "198502082392", "198504222392",
        "198508062380", "198606142381", "198902052391", "199007262380", "199008152390", "199008312382",
        "199104192399", "199306142382", "200006182398", "200007232390", "200112192398", "200308162387",
    ];

    private static readonly (string Language, string[] Women, string[] Men, string[] LastNames)[] NameGroups =
    [
        ("ar", ["Amal", "Rania", "Nesrin", "Huda", "Layla"], ["Omar", "Khaled", "Yousef", "Hassan", "Mahmoud"], ["Al-Hassan", "Haddad", "Khalil", "Mansour", "Saleh"]),
        ("so", ["Hodan", "Faadumo", "Ayaan", "Sahra"], ["Abdi", "Mohamed", "Abdirahman", "Ilyas"], ["Farah", "Warsame", "Ali", "Jama"]),
        ("ti", ["Selam", "Helen", "Saba", "Luwam"], ["Yonas", "Dawit", "Tesfay", "Robel"], ["Tesfaye", "Haile", "Gebremedhin", "Kidane"]),
        ("prs", ["Zahra", "Maryam", "Fatima", "Shabnam"], ["Ali", "Reza", "Mustafa", "Jawad"], ["Ahmadi", "Hosseini", "Rahimi", "Sultani"]),
        ("fa", ["Shirin", "Parisa", "Nasrin"], ["Babak", "Arash", "Dariush"], ["Rostami", "Karimi", "Moradi"]),
        ("uk", ["Olena", "Iryna", "Natalia"], ["Andrii", "Oleksandr", "Serhii"], ["Kovalenko", "Shevchenko", "Bondarenko"]),
    ];

    /// <summary>Where people of each language group were born, for the facts at entry.</summary>
    private static readonly Dictionary<string, string> BirthCountry = new()
    {
        ["ar"] = "SY", ["so"] = "SO", ["ti"] = "ER", ["prs"] = "AF", ["fa"] = "IR", ["uk"] = "UA",
    };

    private static readonly string[] Districts = ["Drottninghög", "Dalhem", "Fredriksdal", "Husensjö", "Planteringen"];
    private static readonly string[] Employers = ["Helsingborgs stad", "ICA Maxi Helsingborg", "Helsingborgshem", "Skånetrafiken", "Region Skåne", "Dalhems bageri"];

    /// <summary>On SQLite: migrate on start. Only the embedded default's own file fills up with demo data when empty
    /// (its logins and password are public); a database named by a connection string may be a real one, so it gets
    /// none and the log says how to make the first user. PostgreSQL is migrated with <c>migrate</c> and never gets
    /// demo data on start.</summary>
    public static async Task PrepareEmbeddedDatabaseAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        if (DatabaseSetup.ProviderOf(configuration) != DatabaseProvider.Sqlite || !configuration.GetValue("Database:MigrateOnStart", true))
            return;
        await DatabaseSetup.MigrateAsync(services);
        await Taxonomy.BuiltInTaxonomy.EnsureLoadedAsync(services);
        await using var scope = services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<BrobyggeDb>();
        if (DatabaseSetup.UsesEmbeddedDefault(configuration) && configuration.GetValue("Database:SeedDemo", true) && !await db.Organisations.AnyAsync())
        {
            await SeedAsync(scope.ServiceProvider, CancellationToken.None);
            services.GetService<DemoLogins>()?.Seeded();
        }
        if (await db.Organisations.AnyAsync(o => o.Name == OrganisationName))
        {
            if (logger.IsEnabled(LogLevel.Information))
                logger.LogInformation("{Logins}", DescribeLogins());
        }
        else if (!await db.Users.AnyAsync() && logger.IsEnabled(LogLevel.Warning))
            logger.LogWarning("The database has no users yet. Create the first with the same settings: "
                + "brobygge users add --email you@example.se --role administrator --organisation \"Your organisation\" "
                + "(from the source: dotnet run --project src/Brobygge -- users add …); it prints a one-time password.");
    }

    public static string DescribeLogins()
        => "Demo logins (password " + Password + " for all):" + Environment.NewLine
            + string.Join(Environment.NewLine, Logins.Select(l => $"  {l.Role,-16} {l.Email}"));

    /// <summary>Seeds an empty database; refuses a database that already holds data.</summary>
    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<BrobyggeDb>();
        if (await db.Organisations.AnyAsync(cancellationToken))
            throw new CommandLineException("The database is not empty: demo data is only added to an empty database.");
        var today = services.GetRequiredService<TimeProvider>().Today();
        var protector = services.GetRequiredService<IdentityNumberProtector>();
        var random = new Random(2016);
        await protector.EnsureKeysAsync(cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organisation = new Organisation { Name = OrganisationName };
        var project = new Project
        {
            OrganisationId = organisation.Id, Code = ProjectCode, Name = "Rekrytera (demo)",
            StartsOn = new DateOnly(today.Year - 2, 1, 1), EndsOn = new DateOnly(today.Year + 1, 12, 31),
            Funder = "ESF+", TargetGroup = "Utrikes födda boende i nordöstra Helsingborg som står långt från arbetsmarknaden",
            Districts = [.. Districts],
        };
        project.Partners.AddRange(new[] { ("Arbetsförmedlingen", PartnerKind.EmploymentService), ("Försäkringskassan", PartnerKind.SocialInsurance), ("Helsingborgshem", PartnerKind.Housing), ("Vårdcentralen Drottninghög", PartnerKind.Healthcare) }
            .Select(p => new ProjectPartner { OrganisationId = organisation.Id, ProjectId = project.Id, Name = p.Item1, Kind = p.Item2 }));
        project.Goals.AddRange(new[] { (GoalIndicator.Participants, 330), (GoalIndicator.Employed, 115), (GoalIndicator.Studying, 50), (GoalIndicator.Retained6m, 98) }
            .Select(g => new Goal { OrganisationId = organisation.Id, ProjectId = project.Id, Indicator = g.Item1, Target = g.Item2 }));
        db.Organisations.Add(organisation);
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);

        var staff = await CreateLoginsAsync(services, db, organisation, project, cancellationToken);
        var coaches = staff.Where(s => s.Role == Roles.Coach).Select(s => s.User).ToArray();
        var bridgeBuilder = staff.Single(s => s.Role == Roles.BridgeBuilder).User;

        var enrolments = new List<Enrolment>();
        var names = new HashSet<string>();
        var women = new Queue<string>(TestIdentityNumbers.Where(n => (n[10] - '0') % 2 == 0));
        var men = new Queue<string>(TestIdentityNumbers.Where(n => (n[10] - '0') % 2 == 1));
        for (var i = 0; i < 60; i++)
        {
            var group = NameGroups[i % NameGroups.Length];
            var gender = random.Next(100) < 43 ? Gender.Woman : Gender.Man;
            var person = new Person
            {
                OrganisationId = organisation.Id,
                FirstName = Pick(random, gender == Gender.Woman ? group.Women : group.Men),
                LastName = Pick(random, group.LastNames),
                Gender = gender,
                BirthDate = new DateOnly(1965 + random.Next(38), 1 + random.Next(12), 1 + random.Next(28)),
                District = Pick(random, Districts),
                Languages = random.Next(3) == 0 ? [group.Language, "sv", "en"] : [group.Language, "sv"],
                SwedishLevel = (SwedishLevel)random.Next(1, 7),
                EducationLevel = random.Next(0, 8),
                Phone = $"070-{random.Next(1000000, 9999999)}",
                // Nordöstra Helsingborg, and now and then someone who moved from a neighbouring municipality.
                MunicipalityCode = random.Next(10) == 0 ? Pick(random, new[] { "1282", "1284", "1292" }) : "1283",
            };
            // No accidental namesakes: two demo participants with one name would look like a mistake.
            while (!names.Add(person.FullName))
            {
                person.FirstName = Pick(random, gender == Gender.Woman ? group.Women : group.Men);
                person.LastName = Pick(random, group.LastNames);
            }
            var numbers = gender == Gender.Woman ? women : men;
            if (i % 2 == 0 && numbers.TryDequeue(out var number))
            {
                var parsed = PersonalIdentityNumber.Parse(number, today);
                person.BirthDate = parsed.BirthDate;
                person.IdentityNumberCipher = protector.Protect(parsed);
                person.IdentityNumberIndex = await protector.IndexAsync(parsed, cancellationToken);
            }
            else if (i % 10 == 3 && LmaNumber.TryParse($"{20 + i % 6:00}-{random.Next(100000, 999999)}", out var lma))
            {
                // An asylum seeker without a samordningsnummer yet: identified by the LMA card.
                person.LmaNumberCipher = protector.Protect(lma.Value);
                person.LmaNumberIndex = await protector.IndexAsync(lma.Value, cancellationToken);
            }
            db.Persons.Add(person);
            var enrolledOn = project.StartsOn.AddDays(random.Next(Math.Max(1, today.DayNumber - project.StartsOn.DayNumber - 20)));
            var enrolment = new Enrolment
            {
                OrganisationId = organisation.Id, ProjectId = project.Id, PersonId = person.Id,
                Reference = $"RK-{i + 1:0000}", ContactedOn = enrolledOn.AddDays(-random.Next(7, 40)), EnrolledOn = enrolledOn,
                StatusAtEntry = random.Next(10) switch { < 6 => LabourStatusAtEntry.LongTermUnemployed, < 8 => LabourStatusAtEntry.Unemployed, 8 => LabourStatusAtEntry.InactiveNotInEducation, _ => LabourStatusAtEntry.Inactive },
            };
            AddFactsAtEntry(random, enrolment, person, BirthCountry[group.Language]);
            // One participant the bridge-builder enrolled and no coach has taken on yet.
            if (i != DemoDesk.WithoutCoach)
                enrolment.Assignments.Add(new Assignment { OrganisationId = organisation.Id, EnrolmentId = enrolment.Id, StaffId = coaches[i % coaches.Length].Id, Role = AssignmentRole.Coach, StartedOn = enrolledOn });
            if (group.Language == "ar" || i % 4 == 0)
                enrolment.Assignments.Add(new Assignment { OrganisationId = organisation.Id, EnrolmentId = enrolment.Id, StaffId = bridgeBuilder.Id, Role = AssignmentRole.BridgeBuilder, StartedOn = enrolment.ContactedOn!.Value });
            AddJourney(random, enrolment, group.Language, today);
            db.Enrolments.Add(enrolment);
            enrolments.Add(enrolment);
        }
        DemoDesk.Add(db, enrolments, bridgeBuilder, project, today);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Facts at entry as the enrol form would take them: from the person, and what the participant told.</summary>
    private static void AddFactsAtEntry(Random random, Enrolment enrolment, Person person, string birthCountry)
    {
        var bornInSweden = random.Next(10) == 0;
        EntryFactsOperations.Capture(enrolment, person, new EnrolInput
        {
            // Consistent with the status: long-term is more than 6 (under 25) or 12 months before entry.
            UnemployedSince = enrolment.StatusAtEntry switch
            {
                LabourStatusAtEntry.LongTermUnemployed => enrolment.EnrolledOn.AddMonths(-13 - random.Next(36)),
                LabourStatusAtEntry.Unemployed => enrolment.EnrolledOn.AddDays(-30 - random.Next(140)),
                _ => null,
            },
            Citizenship = random.Next(5) switch { 0 => ["SE"], 1 => ["SE", birthCountry], 2 when birthCountry == "SO" => [EntryFacts.Stateless], _ => [birthCountry] },
            CountryOfBirth = bornInSweden ? "SE" : birthCountry,
            ParentsBornAbroad = bornInSweden ? ParentsBornAbroad.Both : Pick(random, new[] { ParentsBornAbroad.Both, ParentsBornAbroad.Both, ParentsBornAbroad.Unknown }),
        });
    }

    private static void AddJourney(Random random, Enrolment enrolment, string language, DateOnly today)
    {
        var day = enrolment.EnrolledOn;
        var days = today.DayNumber - day.DayNumber;
        var kinds = new[] { ActivityKind.Meeting, ActivityKind.HomeVisit, ActivityKind.PhoneCall, ActivityKind.GroupSession, ActivityKind.LanguageTraining, ActivityKind.ShortCourse, ActivityKind.Mentoring };
        for (var n = 0; n < 2 + random.Next(5) && day < today; n++)
        {
            var kind = n == 0 ? ActivityKind.Meeting : Pick(random, kinds);
            enrolment.Activities.Add(new Activity { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, Kind = kind, OccurredOn = day, Language = random.Next(2) == 0 ? language : "sv", InterpreterUsed = random.Next(5) == 0 });
            day = day.AddDays(7 + random.Next(21));
        }
        if (days < 120 || random.Next(100) >= 65)
            return;
        var internshipStart = day.AddDays(random.Next(14));
        if (internshipStart >= today)
            return;
        var employer = Pick(random, Employers);
        enrolment.Activities.Add(new Activity { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, Kind = ActivityKind.Internship, OccurredOn = internshipStart, EndsOn = internshipStart.AddDays(56), EmployerName = employer, Supervisor = "Handledare " + employer, Language = "sv" });
        var resultOn = internshipStart.AddDays(60 + random.Next(30));
        if (resultOn >= today)
            return;
        var studies = random.Next(100) < 20;
        enrolment.Outcomes.Add(studies
            ? new Outcome { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, Kind = OutcomeKind.Studies, StartedOn = resultOn, StudiesType = Pick(random, new[] { StudiesType.Komvux, StudiesType.Vocational, StudiesType.Sfi }) }
            : new Outcome { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, Kind = OutcomeKind.Employment, StartedOn = resultOn, EmployerName = employer, EmploymentType = Pick(random, new[] { EmploymentType.FixedTerm, EmploymentType.Permanent, EmploymentType.Subsidised, EmploymentType.Hourly }), HoursPerWeek = Pick(random, new[] { 40d, 30d, 20d }) });
        var exitOn = resultOn.AddDays(random.Next(0, 14));
        if (exitOn >= today)
            return;
        enrolment.Exit(exitOn, studies ? ExitReason.Studying : ExitReason.Employed);
        foreach (var followUp in enrolment.FollowUps.Where(f => f.DueOn < today.AddDays(-3) && random.Next(10) < 8))
        {
            followUp.RecordedOn = followUp.DueOn.AddDays(random.Next(4));
            followUp.Status = random.Next(100) < 87 ? (studies ? FollowUpStatus.Studying : FollowUpStatus.Employed) : FollowUpStatus.NotEmployed;
            followUp.SameEmployer = !studies && followUp.Status == FollowUpStatus.Employed;
            followUp.ContactMethod = ContactMethod.Phone;
        }
    }

    private static async Task<List<(string Role, User User)>> CreateLoginsAsync(IServiceProvider services, BrobyggeDb db, Organisation organisation, Project project, CancellationToken cancellationToken)
    {
        await RoleSetup.EnsureRolesAsync(services);
        var users = services.GetRequiredService<UserManager<User>>();
        var created = new List<(string, User)>();
        foreach (var (email, name, role, languages) in Logins)
        {
            var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganisationId = organisation.Id, Languages = [.. languages] };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            if (role is not (Roles.Administrator or Roles.Evaluator))
                db.ProjectMembers.Add(new ProjectMember { OrganisationId = organisation.Id, ProjectId = project.Id, UserId = user.Id });
            created.Add((role, user));
        }
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}

public static class SeedDemoCommand
{
    public static System.CommandLine.Command Create(Cli cli)
    {
        var command = new System.CommandLine.Command("seed-demo", "Fill an empty database with the demo organisation, project, participants and logins.");
        cli.Handle(command, async (services, _, cancellationToken) =>
        {
            await DemoData.SeedAsync(services, cancellationToken);
            services.GetService<DemoLogins>()?.Seeded();
            await cli.Output.WriteLineAsync(DemoData.DescribeLogins());
        });
        return command;
    }
}
