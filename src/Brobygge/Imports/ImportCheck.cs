using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net.Mail;
using Brobygge.Data;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Projects;
using Enrolment = Brobygge.Enrolments.Enrolment;
using EnrolInput = Brobygge.Enrolments.EnrolInput;
using EnrolmentOperations = Brobygge.Enrolments.EnrolmentOperations;
using ExitInput = Brobygge.Enrolments.ExitInput;
using EntryFacts = Brobygge.Enrolments.EntryFacts;
using LeavingSituationKind = Brobygge.Leaving.LeavingSituationKind;
using GenderNames = Brobygge.Participants.GenderNames;
using LabourStatusAtEntry = Brobygge.Enrolments.LabourStatusAtEntry;
using OutcomeInput = Brobygge.Outcomes.OutcomeInput;
using OutcomeKind = Brobygge.Outcomes.OutcomeKind;
using OutcomeOperations = Brobygge.Outcomes.OutcomeOperations;
using ParticipantInput = Brobygge.Participants.ParticipantInput;
using Person = Brobygge.Participants.Person;
using Microsoft.EntityFrameworkCore;
using static Brobygge.Imports.ImportColumns;

namespace Brobygge.Imports;

/// <summary>
/// Checks every line of a file against every rule of the format and of the forms, and the file as a whole against the
/// database in a few queries (never one per line). The forms' own checks run on each line (<see cref="ParticipantInput"/>,
/// <see cref="EnrolmentOperations.CheckEntry"/>, <see cref="EnrolmentOperations.CheckExit"/>,
/// <see cref="OutcomeOperations.Check"/>, <see cref="FollowUpOperations.CheckRecord"/>), so a file is refused for
/// whatever a form would refuse, with the form's words.
/// </summary>
public static class ImportCheck
{
    /// <summary>The lines read and checked, and every problem found; the lines are only to be written when there is none.</summary>
    public static async Task<(List<ImportRow> Rows, List<ImportProblem> Problems)> CheckAsync(ImportTable table, Project project, BrobyggeDb db,
        IdentityNumberProtector protector, DateOnly today, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>(table.Problems);
        CheckHeader(table.Header, problems);
        if (problems.Any(p => p.Line == 1))
            return ([], problems);
        var columns = table.Header.ToHashSet();
        var rows = new List<ImportRow>(table.Lines.Count);
        foreach (var line in table.Lines)
            if (Read(line, columns, project, today, problems) is { } row)
                rows.Add(row);
        ParticipantImport.Trace?.Invoke($"  lines read");
        CheckWithinFile(rows, problems);
        await CheckAgainstDatabaseAsync(rows, project, db, protector, problems, cancellationToken);
        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (rows, problems);
    }

    private static void CheckHeader(IReadOnlyList<string> header, List<ImportProblem> problems)
    {
        foreach (var column in header.Where(c => !All.Contains(c)))
            problems.Add(new ImportProblem(1, column.Length == 0 ? "(empty)" : column, "", "This column is not part of the format; check its spelling. The columns are: {0}.", string.Join(", ", All)));
        foreach (var column in header.Where(c => c.Length > 0).GroupBy(c => c).Where(g => g.Count() > 1))
            problems.Add(new ImportProblem(1, column.Key, "", "The column appears more than once in the header."));
        foreach (var column in Required.Where(c => !header.Contains(c)))
            problems.Add(new ImportProblem(1, column, "", "The header lacks this required column."));
    }

    /// <summary>Reads one line; every problem goes into the list, and the row is returned even with problems, so the
    /// checks across lines still name every line.</summary>
    private static ImportRow? Read(ImportLine line, IReadOnlySet<string> columns, Project project, DateOnly today, List<ImportProblem> problems)
    {
        var before = problems.Count;
        string Cell(string column) => line.Cells.TryGetValue(column, out var value) ? value : "";
        void Problem(string column, string reason, params object[] arguments) => problems.Add(new ImportProblem(line.Number, column, Cell(column), reason, arguments));

        foreach (var (column, value) in line.Cells)
            if (!InputRules.IsCleanText(value, multiLine: false))
                problems.Add(new ImportProblem(line.Number, column, value.Replace("\0", "", StringComparison.Ordinal), InputRules.ControlCharacterMessage));

        DateOnly? Date(string column)
        {
            var text = Cell(column);
            if (text.Length == 0)
                return null;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Problem(column, "Write the date as YYYY-MM-DD.");
                return null;
            }
            var plausible = true;
            InputRules.CheckDate(date, column, today, (field, message, arguments) => { Problem(field, message, arguments); plausible = false; });
            return plausible ? date : null;
        }
        TEnum? Value<TEnum>(string column, ValueNames<TEnum> names) where TEnum : struct, Enum
        {
            var text = Cell(column);
            if (text.Length == 0)
                return null;
            if (names.Find(text) is { } value)
                return value;
            Problem(column, "Use one of: {0}.", names.List);
            return null;
        }
        string? Text(string column) => Cell(column) is { Length: > 0 } text ? text : null;
        List<string> List(string column)
        {
            var items = Cell(column).Split('|', StringSplitOptions.TrimEntries);
            if (items is [""])
                return [];
            if (items.Any(item => item.Length == 0))
                Problem(column, InputRules.EmptyItemMessage);
            if (items.Length > InputRules.MaxItems)
                Problem(column, InputRules.TooManyMessage, InputRules.MaxItems);
            return items.Where(item => item.Length > 0).ToList();
        }

        var reference = Cell(Ref);
        if (reference.Length == 0)
            Problem(Ref, "Enter the reference.");

        // The person, through the form's own input and rules.
        var genderText = Cell(Gender);
        var gender = genderText.Length == 0 ? null : GenderNames.Find(genderText);
        if (genderText.Length > 0 && gender is null)
            Problem(Gender, "Use one of: {0}.", "woman, man, non_binary, kvinna, icke-binär");
        var educationText = Cell(EducationLevel);
        int? education = null;
        if (educationText.Length > 0)
        {
            if (int.TryParse(educationText, NumberStyles.None, CultureInfo.InvariantCulture, out var level))
                education = level;
            else
                Problem(EducationLevel, "The education level is an ISCED level from 0 to 8.");
        }
        var person = new ParticipantInput
        {
            FirstName = Text(FirstName), LastName = Text(LastName), Gender = gender, IdentityNumber = Text(PersonalNumber),
            BirthDate = Date(BirthDate), District = Text(District), Languages = Cell(Languages).Replace('|', ','),
            SwedishLevel = Value(SwedishLevel, SwedishLevels), EducationLevel = education,
            MunicipalityCode = Text(MunicipalityCode), LmaNumber = Text(ImportColumns.LmaNumber),
        };
        var personFields = new Dictionary<string, string>
        {
            [nameof(ParticipantInput.FirstName)] = FirstName, [nameof(ParticipantInput.LastName)] = LastName,
            [nameof(ParticipantInput.Gender)] = Gender, [nameof(ParticipantInput.IdentityNumber)] = PersonalNumber,
            [nameof(ParticipantInput.BirthDate)] = BirthDate, [nameof(ParticipantInput.District)] = District,
            [nameof(ParticipantInput.Languages)] = Languages, [nameof(ParticipantInput.EducationLevel)] = EducationLevel,
            [nameof(ParticipantInput.MunicipalityCode)] = MunicipalityCode, [nameof(ParticipantInput.LmaNumber)] = ImportColumns.LmaNumber,
        };
        void PersonProblem(string field, string message)
        {
            var column = personFields.GetValueOrDefault(field, field);
            // A cell the import already refused (a gender it does not know) is not refused twice.
            if (!(Cell(column).Length > 0 && problems.Skip(before).Any(p => p.Column == column)))
                Problem(column, message);
        }
        var attributes = new List<ValidationResult>();
        Validator.TryValidateObject(person, new ValidationContext(person), attributes, validateAllProperties: true);
        foreach (var result in attributes)
            foreach (var member in result.MemberNames)
                PersonProblem(member, result.ErrorMessage!);
        var number = person.Validate("", PersonProblem, today);

        // The enrolment, through the enrolment form's rules.
        var status = Cell(StatusAtEntry).Length == 0 ? null : Value(StatusAtEntry, Statuses);
        var enrolledOn = Date(EnrolledOn);
        var unemployedSince = Date(UnemployedSince);
        var citizenshipItems = List(Citizenship);
        var parents = Value(ParentsBornAbroad, ParentsBornAbroadNames);
        var entry = new EnrolInput
        {
            ProjectId = project.Id, Reference = reference, EnrolledOn = enrolledOn, StatusAtEntry = status,
            UnemployedSince = unemployedSince, Citizenship = citizenshipItems, CountryOfBirth = Text(CountryOfBirth), ParentsBornAbroad = parents,
        };
        var entryProblems = new Problems();
        EnrolmentOperations.CheckEntry(project, new Person { OrganisationId = project.OrganisationId, FirstName = "", LastName = "", BirthDate = number?.BirthDate ?? person.BirthDate ?? default }, entry, today, entryProblems);
        Report(entryProblems, new()
        {
            [nameof(EnrolInput.StatusAtEntry)] = StatusAtEntry, [nameof(EnrolInput.EnrolledOn)] = EnrolledOn, [nameof(EnrolInput.Reference)] = Ref,
            [nameof(EnrolInput.UnemployedSince)] = UnemployedSince, [nameof(EnrolInput.Citizenship)] = Citizenship,
            [nameof(EnrolInput.CountryOfBirth)] = CountryOfBirth,
        });

        void WithinProject(string column, DateOnly? date)
        {
            if (date is not { } day)
                return;
            if (day > today)
                Problem(column, "The date cannot be in the future.");
            else if (day < project.StartsOn || day > project.EndsOn)
                Problem(column, "The date must be within the project period ({0} to {1}).", Iso(project.StartsOn), Iso(project.EndsOn));
        }

        // The exit, through the exit form's rules; an exit without a reason is recorded as "not given", never guessed.
        var exitedOn = Date(ExitedOn);
        var exitReason = Value(ExitReason, ExitReasons);
        if (exitedOn is { } exit)
        {
            var exitProblems = new Problems();
            if (enrolledOn is { } start)
                EnrolmentOperations.CheckExit(start, new ExitInput { ExitedOn = exit, Reason = exitReason ?? Enrolments.ExitReason.NotGiven }, today, exitProblems);
            Report(exitProblems, new() { [nameof(ExitInput.ExitedOn)] = ExitedOn, [nameof(ExitInput.Reason)] = ExitReason });
            WithinProject(ExitedOn, exit);
        }
        else if (Cell(ExitReason).Length > 0)
            Problem(ExitReason, "An exit reason needs the exit date (exited_on).");

        // The first job and the start of studies, through the outcome form's rules.
        var employedOn = Date(EmployedOn);
        var employmentType = Value(EmploymentType, EmploymentTypes);
        var employer = Text(Employer);
        if (employedOn is { } hired)
        {
            CheckOutcome(new OutcomeInput { Kind = OutcomeKind.Employment, StartedOn = hired, EmploymentType = employmentType, EmployerName = employer },
                new() { [nameof(OutcomeInput.StartedOn)] = EmployedOn, [nameof(OutcomeInput.EmploymentType)] = EmploymentType, [nameof(OutcomeInput.EmployerName)] = Employer });
            WithinProject(EmployedOn, hired);
        }
        else
        {
            if (Cell(EmploymentType).Length > 0)
                Problem(EmploymentType, "An employment type needs the date the job started (employed_on).");
            if (employer is not null)
                Problem(Employer, "An employer needs the date the job started (employed_on).");
        }
        var studiesOn = Date(StudiesOn);
        var studiesType = Value(StudiesType, StudiesTypes);
        if (studiesOn is { } studying)
        {
            CheckOutcome(new OutcomeInput { Kind = OutcomeKind.Studies, StartedOn = studying, StudiesType = studiesType },
                new() { [nameof(OutcomeInput.StartedOn)] = StudiesOn, [nameof(OutcomeInput.StudiesType)] = StudiesType });
            WithinProject(StudiesOn, studying);
        }
        else if (Cell(StudiesType).Length > 0)
            Problem(StudiesType, "A type of studies needs the date the studies started (studies_on).");

        void CheckOutcome(OutcomeInput outcome, Dictionary<string, string> fields)
        {
            var outcomeProblems = new Problems();
            OutcomeOperations.Check(outcome, enrolledOn ?? DateOnly.MinValue, today, outcomeProblems);
            Report(outcomeProblems, fields);
        }

        // The six-month follow-up, through the follow-up form's rules, within its window after the exit. Its contact
        // method is "not recorded": the spreadsheet does not say, and nothing is invented.
        var followUpOn = Date(FollowUp6mOn);
        var followUpStatus = Value(FollowUp6mStatus, FollowUpStatuses);
        if (followUpOn is not null || Cell(FollowUp6mStatus).Length > 0)
        {
            var followUpProblems = new Problems();
            FollowUpOperations.CheckRecord(new FollowUpInput { RecordedOn = followUpOn, Status = followUpStatus, ContactMethod = ContactMethod.NotRecorded, SameEmployer = followUpStatus == FollowUpStatus.Employed ? false : null },
                FollowUpKind.SixMonths, exitedOn, exitedOn is { } left ? FollowUpWindows.Of(project).For(FollowUpKind.SixMonths, left) : null, today, followUpProblems);
            Report(followUpProblems, new() { [nameof(FollowUpInput.RecordedOn)] = FollowUp6mOn, [nameof(FollowUpInput.Status)] = FollowUp6mStatus });
            if (followUpOn is not null && exitedOn is null)
                Problem(FollowUp6mOn, "A six-month follow-up needs the exit date (exited_on).");
        }

        // Staff: checked against the project's staff in one query for the whole file.
        string? Email(string column)
        {
            var text = Text(column);
            if (text is null)
                return null;
            if (!MailAddress.TryCreate(text, out var address) || address.Address != text)
            {
                Problem(column, "Enter an e-mail address like name@example.se.");
                return null;
            }
            return text;
        }

        // Facts at entry: checked above with the enrol form's input (EntryFacts), stored as it stores them.
        var citizenship = EntryFacts.ParseCitizenship(citizenshipItems, out _) ?? [];
        var countryOfBirth = Codes.Countries.TryFind(Text(CountryOfBirth));
        var municipality = Codes.Municipalities.TryFind(person.MunicipalityCode)?.Code;
        Identity.LmaNumber? lma = Identity.LmaNumber.TryParse(person.LmaNumber, out var parsedLma) ? parsedLma : null;
        var uponLeavingNames = List(UponLeaving);
        var uponLeaving = uponLeavingNames.Select(u => UponLeavingValues.GetValueOrDefault(u.ToLowerInvariant())).OfType<LeavingSituationKind>().Distinct().ToList();
        if (uponLeaving.Count < uponLeavingNames.Count && uponLeavingNames.Select(u => u.ToLowerInvariant()).Any(u => !UponLeavingValues.ContainsKey(u)))
            Problem(UponLeaving, "Use one or more of: {0}, separated by |.", string.Join(", ", UponLeavingValues.Keys));
        else if (uponLeaving.Count > 0 && exitedOn is null)
            Problem(UponLeaving, "The situation upon leaving needs the exit date (exited_on).");

        var row = new ImportRow
        {
            Line = line.Number, Reference = reference, Columns = columns, Person = person, Number = number,
            LmaNumber = lma, MunicipalityCode = municipality, StatusAtEntry = status ?? default, EnrolledOn = enrolledOn ?? default,
            ExitedOn = exitedOn, ExitReason = exitedOn is null ? null : exitReason ?? Enrolments.ExitReason.NotGiven,
            EmployedOn = employedOn, EmploymentType = employmentType, Employer = employer, StudiesOn = studiesOn, StudiesType = studiesType,
            FollowUp6mOn = followUpOn, FollowUp6mStatus = followUpStatus, CoachEmail = Email(Coach), BridgeBuilderEmail = Email(BridgeBuilder),
            UnemployedSince = unemployedSince, Citizenship = citizenship, CountryOfBirth = countryOfBirth, ParentsBornAbroad = parents, UponLeaving = uponLeaving,
        };
        return row;

        void Report(Problems found, Dictionary<string, string> fields)
        {
            foreach (var (field, messages) in found.ByField)
            {
                var column = fields.GetValueOrDefault(field, field);
                // A cell already refused as unreadable is not also called missing.
                if (Cell(column).Length > 0 && problems.Skip(before).Any(p => p.Column == column))
                    continue;
                foreach (var message in messages)
                    Problem(column, message);
            }
        }
    }

    private static bool IsCountryCode(string code) => Codes.Countries.IsCode(code);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The same reference or the same person twice in one file.</summary>
    private static void CheckWithinFile(List<ImportRow> rows, List<ImportProblem> problems)
    {
        var references = new Dictionary<string, int>(StringComparer.Ordinal);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Reference.Length > 0 && !references.TryAdd(row.Reference, row.Line))
                problems.Add(new ImportProblem(row.Line, Ref, row.Reference, "The same reference is on line {0} too.", references[row.Reference]));
            if (row.Number is { } number && !numbers.TryAdd(number.Value, row.Line))
                problems.Add(new ImportProblem(row.Line, PersonalNumber, row.Person.IdentityNumber ?? "", "The same person (personal number) is on line {0} too.", numbers[number.Value]));
        }
    }

    /// <summary>Everything that needs the database, for the whole file in a handful of queries: the references already in
    /// the project, the people the numbers belong to and whether the user may see them, and the project's staff.</summary>
    private static async Task CheckAgainstDatabaseAsync(List<ImportRow> rows, Project project, BrobyggeDb db, IdentityNumberProtector protector,
        List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        // Across access filters: a reference someone else's participant holds is still taken.
        var enrolled = await db.BeyondAccess<Enrolment>().Where(e => e.ProjectId == project.Id)
            .Select(e => new { e.Id, e.Reference, e.PersonId }).ToListAsync(cancellationToken);
        var byReference = enrolled.ToDictionary(e => e.Reference, StringComparer.Ordinal);
        var byPerson = enrolled.ToDictionary(e => e.PersonId);
        var mine = (await db.Enrolments.Where(e => e.ProjectId == project.Id).Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet();

        foreach (var row in rows)
            if (row.Number is { } number)
                row.NumberIndex = await protector.IndexAsync(number, cancellationToken);
        var indexes = rows.Where(r => r.NumberIndex is not null).Select(r => r.NumberIndex!).Distinct().ToList();
        var holders = indexes.Count == 0 ? [] : await db.BeyondAccess<Person>()
            .Where(p => p.OrganisationId == project.OrganisationId && indexes.Contains(p.IdentityNumberIndex!))
            .Select(p => new { p.Id, Index = p.IdentityNumberIndex! }).ToListAsync(cancellationToken);
        var holderIds = holders.Select(h => h.Id).ToList();
        var visible = holderIds.Count == 0 ? [] : (await db.Persons.Where(p => holderIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var holderOf = holders.ToDictionary(h => h.Index, h => h.Id, StringComparer.Ordinal);

        foreach (var row in rows)
        {
            if (byReference.TryGetValue(row.Reference, out var existing))
            {
                if (!mine.Contains(existing.Id))
                {
                    problems.Add(new ImportProblem(row.Line, Ref, row.Reference, "Another participant in the project already has this reference."));
                    continue;
                }
                row.EnrolmentId = existing.Id;
                row.PersonId = existing.PersonId;
            }
            if (row.NumberIndex is not { } index || !holderOf.TryGetValue(index, out var holder))
                continue;
            if (!visible.Contains(holder))
                problems.Add(new ImportProblem(row.Line, PersonalNumber, row.Person.IdentityNumber ?? "", ParticipantInput.CannotBeUsed));
            else if (row.PersonId is { } personId && personId != holder)
                problems.Add(new ImportProblem(row.Line, PersonalNumber, row.Person.IdentityNumber ?? "", "The number belongs to another person than the participant with this reference."));
            else if (row.PersonId is null && byPerson.TryGetValue(holder, out var other))
                problems.Add(new ImportProblem(row.Line, PersonalNumber, row.Person.IdentityNumber ?? "", "The person is already enrolled in this project, under the reference {0}.", other.Reference));
            else
                row.PersonId = holder;
        }

        // LMA numbers by their blind index too: one held by another person is refused like an identity number.
        foreach (var row in rows)
            if (row.LmaNumber is { } lma)
                row.LmaIndex = await protector.IndexAsync(lma, cancellationToken);
        var lmaIndexes = rows.Where(r => r.LmaIndex is not null).Select(r => r.LmaIndex!).Distinct().ToList();
        var lmaHolders = lmaIndexes.Count == 0 ? [] : await db.BeyondAccess<Person>()
            .Where(p => p.OrganisationId == project.OrganisationId && lmaIndexes.Contains(p.LmaNumberIndex!))
            .Select(p => new { p.Id, Index = p.LmaNumberIndex! }).ToListAsync(cancellationToken);
        var lmaHolderOf = lmaHolders.ToDictionary(h => h.Index, h => h.Id, StringComparer.Ordinal);
        var lmaLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.LmaIndex is not null))
        {
            if (!lmaLines.TryAdd(row.LmaIndex!, row.Line))
                problems.Add(new ImportProblem(row.Line, ImportColumns.LmaNumber, row.Person.LmaNumber ?? "", "The same LMA number is on line {0} too.", lmaLines[row.LmaIndex!]));
            else if (lmaHolderOf.TryGetValue(row.LmaIndex!, out var holder) && holder != row.PersonId)
                problems.Add(new ImportProblem(row.Line, ImportColumns.LmaNumber, row.Person.LmaNumber ?? "", ParticipantInput.CannotBeUsed));
        }

        await CheckExitsAsync(rows, project, db, problems, cancellationToken);
        await CheckStaffAsync(rows, project, db, problems, cancellationToken);
    }

    /// <summary>
    /// An exit the file moves is checked as the exit form checks it (<see cref="Enrolment.ExitProblem"/>): not before the
    /// current period began, and leaving every follow-up already recorded for the period inside its window. A six-month
    /// follow-up an earlier import recorded gives way to the file's (checked above against the file's exit), unless
    /// staff recorded one, which the import never touches. One query for the whole file.
    /// </summary>
    private static async Task CheckExitsAsync(List<ImportRow> rows, Project project, BrobyggeDb db, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var moving = rows.Where(r => r.EnrolmentId is not null && r.ExitedOn is not null && r.Has(ExitedOn)).ToList();
        if (moving.Count == 0)
            return;
        var ids = moving.Select(r => r.EnrolmentId!.Value).ToList();
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Include(e => e.Periods).Include(e => e.FollowUps).AsSplitQuery().ToDictionaryAsync(e => e.Id, cancellationToken);
        var windows = FollowUpWindows.Of(project);
        foreach (var row in moving)
        {
            if (!enrolments.TryGetValue(row.EnrolmentId!.Value, out var enrolment)
                || (enrolment.ExitedOn == row.ExitedOn && enrolment.ExitReason == row.ExitReason))
                continue;
            var sixMonths = ImportWriter.SixMonthsOfCurrentPeriod(enrolment);
            if (row.Has(FollowUp6mOn) && !sixMonths.Any(f => f.RecordedOn is not null && !ImportOrigin.IsImported(f)))
                enrolment.FollowUps.RemoveAll(f => sixMonths.Contains(f) && ImportOrigin.IsImported(f));
            if (enrolment.ExitProblem(row.ExitedOn!.Value, windows) is { } problem)
                problems.Add(new ImportProblem(row.Line, ExitedOn, Iso(row.ExitedOn.Value), problem));
        }
    }

    private static async Task CheckStaffAsync(List<ImportRow> rows, Project project, BrobyggeDb db, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var emails = rows.SelectMany(r => new[] { r.CoachEmail, r.BridgeBuilderEmail }).OfType<string>()
            .Select(e => e.ToUpperInvariant()).Distinct().ToList();
        if (emails.Count == 0)
            return;
        var roleNames = new[] { Roles.Coach, Roles.BridgeBuilder };
        var staff = await (
            from user in db.Users
            where user.OrganisationId == project.OrganisationId && emails.Contains(user.NormalizedEmail!)
                && db.ProjectMembers.Any(m => m.ProjectId == project.Id && m.UserId == user.Id)
            from userRole in db.UserRoles.Where(r => r.UserId == user.Id)
            join role in db.Roles on userRole.RoleId equals role.Id
            where roleNames.Contains(role.Name!)
            select new { user.Id, Email = user.NormalizedEmail!, Role = role.Name! }).ToListAsync(cancellationToken);
        Guid? Find(string? email, string role) => email is null ? null
            : staff.FirstOrDefault(s => s.Email == email.ToUpperInvariant() && s.Role == role)?.Id;
        foreach (var row in rows)
        {
            row.CoachId = Find(row.CoachEmail, Roles.Coach);
            if (row.CoachEmail is not null && row.CoachId is null)
                problems.Add(new ImportProblem(row.Line, Coach, row.CoachEmail, "No coach of this project has this e-mail address."));
            row.BridgeBuilderId = Find(row.BridgeBuilderEmail, Roles.BridgeBuilder);
            if (row.BridgeBuilderEmail is not null && row.BridgeBuilderId is null)
                problems.Add(new ImportProblem(row.Line, BridgeBuilder, row.BridgeBuilderEmail, "No bridge-builder of this project has this e-mail address."));
        }
    }
}
