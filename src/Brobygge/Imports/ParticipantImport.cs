using System.Data;
using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Leaving;
using Brobygge.Outcomes;
using Brobygge.Participants;
using Brobygge.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Brobygge.Imports;

/// <summary>What an import did, or would do (a dry run, or a file with problems: then nothing was written).</summary>
public sealed record ImportResult(int Created, int Updated, IReadOnlyList<ImportProblem> Problems, bool Written)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Imports a file of participants into a project, all or nothing (participants-import.md): every line is checked
/// first, and one problem anywhere writes nothing. New rows go in with PostgreSQL's binary COPY (EF Core's change
/// tracking is far too slow for a project's whole history); rows that update an earlier import go through the save
/// pipeline, which audits them and refreshes their milestones. All of it in one transaction that also holds the checks'
/// view of the data.
/// </summary>
public static class ParticipantImport
{
    /// <summary>Where the stages' times go when measuring (the benchmark); null otherwise.</summary>
    public static Action<string>? Trace { get; set; }

    public static async Task<ImportResult> RunAsync(BrobyggeDb db, IdentityNumberProtector protector, Project project, ImportTable table,
        DateOnly today, bool dryRun, CancellationToken cancellationToken)
    {
        // The keys first: making them inside the transaction would lock SQLite against itself.
        await protector.EnsureKeysAsync(cancellationToken);
        var postgres = db.Database.IsNpgsql();
        await using var transaction = postgres
            ? await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken)
            : await db.Database.BeginTransactionAsync(cancellationToken);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (rows, problems) = await ImportCheck.CheckAsync(table, project, db, protector, today, cancellationToken);
        Trace?.Invoke($"checked {rows.Count} rows in {watch.Elapsed.TotalSeconds:F2} s");
        var updated = rows.Count(r => r.EnrolmentId is not null);
        if (problems.Count > 0 || dryRun)
            return new ImportResult(rows.Count - updated, updated, problems, Written: false);
        watch.Restart();
        await ImportWriter.WriteAsync(db, protector, project, rows, today, postgres, cancellationToken);
        Trace?.Invoke($"wrote in {watch.Elapsed.TotalSeconds:F2} s");
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(rows.Count - updated, updated, [], Written: true);
    }
}

/// <summary>Marks what an import brought in, so a re-import replaces it and never what staff entered.</summary>
internal static class ImportOrigin
{
    public static void Mark(object record, DateTime now, Guid? userId)
    {
        if (record is IRecorded recorded)
        {
            recorded.Origin = RecordOrigin.Import;
            recorded.RecordedAt = now;
            recorded.RecordedById = userId;
        }
    }

    public static bool IsImported(object record) => record is IRecorded { Origin: RecordOrigin.Import };

    /// <summary>Why an imported record left: the file brought in another version of it.</summary>
    public const string Replaced = "Replaced by a re-import";
}

internal static class ImportWriter
{
    /// <summary>The four-week follow-up's window closes eight weeks after the exit, the six-month one nine months after.</summary>
    private static DateOnly WindowClosesOn(FollowUp followUp, DateOnly exitedOn)
        => followUp.Kind == FollowUpKind.FourWeeks ? exitedOn.AddDays(56) : exitedOn.AddMonths(9);

    public static async Task WriteAsync(BrobyggeDb db, IdentityNumberProtector protector, Project project, List<ImportRow> rows, DateOnly today,
        bool postgres, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        Guid? userId = db.Scope.IsSystem || db.Scope.UserId == Guid.Empty ? null : db.Scope.UserId;

        var created = new Created();
        var updates = rows.Where(r => r.EnrolmentId is not null).ToList();
        var ids = updates.Select(r => r.EnrolmentId!.Value).ToList();
        if (updates.Count > 0)
        {
            var enrolments = await db.Enrolments.Where(e => ids.Contains(e.Id))
                .Include(e => e.Person).Include(e => e.Project).Include(e => e.Outcomes).Include(e => e.FollowUps).Include(e => e.Assignments).Include(e => e.Periods)
                .AsSplitQuery().ToDictionaryAsync(e => e.Id, cancellationToken);
            var before = enrolments.Values.ToDictionary(e => e.Id, e => (Outcomes: e.Outcomes.ToHashSet(), FollowUps: e.FollowUps.ToHashSet(), Assignments: e.Assignments.ToHashSet(), Periods: e.Periods.ToHashSet()));
            var leaving = await db.LeavingSituations.Where(l => ids.Contains(l.EnrolmentId)).ToListAsync(cancellationToken);
            foreach (var row in updates)
            {
                var enrolment = enrolments[row.EnrolmentId!.Value];
                Update(db, protector, enrolment, row, today, now, userId);
                if (row.Has(ImportColumns.UponLeaving) || row.Has(ImportColumns.ExitedOn))
                {
                    // The imported situations give way to the file's; those staff recorded stay.
                    var fresh = Leaving(enrolment, row.Has(ImportColumns.UponLeaving) ? row : new ImportRow
                    {
                        Reference = row.Reference, Columns = row.Columns, Person = row.Person,
                        UponLeaving = leaving.Where(l => l.EnrolmentId == enrolment.Id && ImportOrigin.IsImported(l)).Select(l => l.Kind).ToList(),
                    }, now, userId).ToList();
                    foreach (var old in leaving.Where(l => l.EnrolmentId == enrolment.Id && ImportOrigin.IsImported(l)))
                    {
                        if (fresh.FirstOrDefault(f => f.Kind == old.Kind && f.On == old.On) is { } same)
                        {
                            fresh.Remove(same);
                            continue;
                        }
                        old.Remove(ImportOrigin.Replaced);
                        db.LeavingSituations.Remove(old);
                    }
                    if (postgres)
                        created.Leaving.AddRange(fresh);
                    else
                        db.LeavingSituations.AddRange(fresh);
                }
            }
            if (postgres)
            {
                // The updated enrolments' new records go in with COPY like every new row; the save pipeline would
                // otherwise refresh and reload each enrolment on its own.
                foreach (var enrolment in enrolments.Values)
                {
                    var (outcomes, followUps, assignments, periods) = before[enrolment.Id];
                    created.Outcomes.AddRange(enrolment.Outcomes.Where(o => !outcomes.Contains(o)));
                    created.FollowUps.AddRange(enrolment.FollowUps.Where(f => !followUps.Contains(f)));
                    created.Assignments.AddRange(enrolment.Assignments.Where(a => !assignments.Contains(a)));
                    created.Periods.AddRange(enrolment.Periods.Where(p => !periods.Contains(p)));
                    enrolment.Outcomes.RemoveAll(o => !outcomes.Contains(o));
                    enrolment.FollowUps.RemoveAll(f => !followUps.Contains(f));
                    enrolment.Assignments.RemoveAll(a => !assignments.Contains(a));
                    enrolment.Periods.RemoveAll(p => !periods.Contains(p));
                }
            }
            ParticipantImport.Trace?.Invoke($"  updates applied in memory");
            await db.SaveChangesAsync(cancellationToken);
            ParticipantImport.Trace?.Invoke($"  updates saved");
        }

        var making = System.Diagnostics.Stopwatch.StartNew();
        var newRows = rows.Where(r => r.EnrolmentId is null).ToList();
        Encrypt(protector, newRows.Where(r => r.PersonId is null).ToList());
        ParticipantImport.Trace?.Invoke($"  identity numbers encrypted in {making.Elapsed.TotalSeconds:F2} s");
        foreach (var row in newRows)
            Create(protector, project, row, today, now, userId, created);
        foreach (var record in created.Enrolments.SelectMany(e => e.Periods.Concat<object>(e.Assignments)).Concat(created.Periods).Concat(created.Assignments))
            ImportOrigin.Mark(record, now, userId);
        ParticipantImport.Trace?.Invoke($"  new rows made");
        if (postgres)
        {
            await CopyAsync(db, created, now, userId, cancellationToken);
            if (ids.Count > 0)
            {
                // The milestones of the updated enrolments, from their records, in one statement.
                db.ChangeTracker.Clear();
                await EnrolmentMilestones.RefreshAsync(db, ids, cancellationToken);
                ParticipantImport.Trace?.Invoke($"  milestones of {ids.Count} updated enrolments refreshed");
            }
        }
        else
        {
            db.Persons.AddRange(created.Persons);
            db.Enrolments.AddRange(created.Enrolments);
            db.LeavingSituations.AddRange(created.Leaving);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The new persons' identity and LMA numbers, encrypted on every core at once (Data Protection's protector
    /// is safe to share between threads); by far the dearest part of making a new row.</summary>
    private static void Encrypt(IdentityNumberProtector protector, List<ImportRow> rows)
        => Parallel.ForEach(rows, row =>
        {
            if (row.Number is { } number)
                row.NumberCipher = protector.Protect(number);
            if (row.LmaNumber is { } lma)
                row.LmaCipher = protector.Protect(lma);
        });

    private sealed class Created
    {
        public List<Person> Persons { get; } = [];
        public List<Enrolment> Enrolments { get; } = [];

        /// <summary>New records of enrolments that were already there (PostgreSQL: written with COPY too).</summary>
        public List<Outcome> Outcomes { get; } = [];
        public List<FollowUp> FollowUps { get; } = [];
        public List<Assignment> Assignments { get; } = [];
        public List<ParticipationPeriod> Periods { get; } = [];
        public List<LeavingSituation> Leaving { get; } = [];
    }

    private static void Create(IdentityNumberProtector protector, Project project, ImportRow row, DateOnly today, DateTime now, Guid? userId, Created created)
    {
        var personId = row.PersonId;
        if (personId is null)
        {
            var person = new Person { OrganisationId = project.OrganisationId, FirstName = "", LastName = "", RegisteredById = userId, Version = Guid.NewGuid() };
            ApplyPerson(person, row, protector);
            created.Persons.Add(person);
            personId = person.Id;
        }
        var enrolment = new Enrolment
        {
            OrganisationId = project.OrganisationId, ProjectId = project.Id, PersonId = personId.Value, Reference = row.Reference,
            Version = Guid.NewGuid(), EnrolledOn = row.EnrolledOn,
        };
        // The facts at entry, from the row (EntryFacts.cs): what the file says of the person on the day they came in.
        enrolment.GenderAtEntry = row.Person.Gender ?? default;
        if ((row.Number?.BirthDate ?? row.Person.BirthDate) is { } born)
            enrolment.AgeAtEntry = EntryFacts.AgeOn(born, row.EnrolledOn);
        enrolment.EducationLevelAtEntry = row.Person.EducationLevel;
        enrolment.MunicipalityAtEntry = row.MunicipalityCode;
        enrolment.UnemployedSince = row.UnemployedSince;
        enrolment.Citizenship = row.Citizenship;
        enrolment.CountryOfBirth = row.CountryOfBirth;
        enrolment.ParentsBornAbroad = row.ParentsBornAbroad;
        // The first period of participation, from the enrolment date (an exit below ends it).
        enrolment.Periods.Add(new ParticipationPeriod { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, StartedOn = row.EnrolledOn });
        ApplyEnrolment(enrolment, project, row, today, now, userId);
        created.Enrolments.Add(enrolment);
        created.Leaving.AddRange(Leaving(enrolment, row, now, userId));
    }

    /// <summary>The person's fields from the file: a cell with a value sets it; an empty cell leaves what is stored,
    /// since a person keeps no mark of which field staff entered.</summary>
    private static void ApplyPerson(Person person, ImportRow row, IdentityNumberProtector protector)
    {
        var input = row.Person;
        if (input.FirstName is { } first)
            person.FirstName = first.Trim();
        if (input.LastName is { } last)
            person.LastName = last.Trim();
        if (input.Gender is { } gender)
            person.Gender = gender;
        if ((row.Number?.BirthDate ?? input.BirthDate) is { } born)
            person.BirthDate = born;
        if (input.District is { Length: > 0 } district)
            person.District = district.Trim();
        if (input.LanguageCodes() is { Count: > 0 } languages)
            person.Languages = languages;
        if (input.SwedishLevel is { } swedish)
            person.SwedishLevel = swedish;
        if (input.EducationLevel is { } education)
            person.EducationLevel = education;
        if (row.MunicipalityCode is { } municipality)
            person.MunicipalityCode = municipality;
        if (row.LmaNumber is { } lma && person.LmaNumberIndex != row.LmaIndex)
        {
            person.LmaNumberCipher = row.LmaCipher ?? protector.Protect(lma);
            person.LmaNumberIndex = row.LmaIndex;
        }
        if (row.Number is { } number && person.IdentityNumberIndex is null)
        {
            person.IdentityNumberCipher = row.NumberCipher ?? protector.Protect(number);
            person.IdentityNumberIndex = row.NumberIndex;
        }
    }

    /// <summary>The enrolment and its records from the file, for a new enrolment and an earlier import alike. The
    /// milestones are set here too; on an update the save pipeline derives them again from the records.</summary>
    private static void ApplyEnrolment(Enrolment enrolment, Project project, ImportRow row, DateOnly today, DateTime now, Guid? userId)
    {
        enrolment.StatusAtEntry = row.StatusAtEntry;
        enrolment.EnrolledOn = row.EnrolledOn;
        var before = enrolment.FollowUps.ToHashSet();
        var periodsBefore = enrolment.Periods.ToHashSet();

        // A changed or removed exit is a correction of the exit through the model (audited as an update of the
        // enrolment): a second exit corrects the period's end; an exit the file no longer has is a re-entry on that day.
        if (row.Has(ImportColumns.ExitedOn) && (row.ExitedOn != enrolment.ExitedOn || row.ExitReason != enrolment.ExitReason))
        {
            // The file's own six-month follow-up takes the place of the one an earlier import recorded first, so the exit's
            // window check (Enrolment.ExitProblem, made for the whole file by ImportCheck) sees what the file says.
            if (row.ExitedOn is not null && row.Has(ImportColumns.FollowUp6mOn))
                RecordSixMonths(enrolment, row, now, userId);
            if (row.ExitedOn is { } exitedOn)
                enrolment.Exit(exitedOn, row.ExitReason!.Value, FollowUpWindows.Of(project));
            else if (enrolment.ExitedOn is { } ended)
                enrolment.ReEnter(ended > enrolment.CurrentPeriod().StartedOn ? ended : enrolment.CurrentPeriod().StartedOn.AddDays(1));
        }

        if (row.Has(ImportColumns.EmployedOn))
            Replace(enrolment, OutcomeKind.Employment, row.EmployedOn is { } hired
                ? new Outcome { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, Kind = OutcomeKind.Employment, StartedOn = hired,
                    EmploymentType = row.EmploymentType, EmployerName = row.Employer, Version = Guid.NewGuid() }
                : null, now, userId);
        if (row.Has(ImportColumns.StudiesOn))
            Replace(enrolment, OutcomeKind.Studies, row.StudiesOn is { } studying
                ? new Outcome { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, Kind = OutcomeKind.Studies, StartedOn = studying,
                    StudiesType = row.StudiesType, Version = Guid.NewGuid() }
                : null, now, userId);

        if (row.Has(ImportColumns.FollowUp6mOn))
            RecordSixMonths(enrolment, row, now, userId);

        // Follow-ups the import would schedule after a window that has already closed are not scheduled.
        if (enrolment.ExitedOn is { } exit)
            enrolment.FollowUps.RemoveAll(f => f.RecordedOn is null && !before.Contains(f) && f.Kind != FollowUpKind.OnDemand && WindowClosesOn(f, exit) < today);
        foreach (var followUp in enrolment.FollowUps.Where(f => !before.Contains(f)))
        {
            followUp.Version = Guid.NewGuid();
            ImportOrigin.Mark(followUp, now, userId);
        }

        foreach (var period in enrolment.Periods.Where(p => !periodsBefore.Contains(p)))
            ImportOrigin.Mark(period, now, userId);

        enrolment.FirstJobOn = enrolment.Outcomes.Where(o => o.Kind == OutcomeKind.Employment).Min(o => (DateOnly?)o.StartedOn);
        enrolment.FirstStudiesOn = enrolment.Outcomes.Where(o => o.Kind == OutcomeKind.Studies).Min(o => (DateOnly?)o.StartedOn);
        var sixMonths = enrolment.FollowUps.Where(f => f.Kind == FollowUpKind.SixMonths && f.RecordedOn is not null).MaxBy(f => f.RecordedOn);
        enrolment.FollowUp6mOn = sixMonths?.RecordedOn;
        enrolment.FollowUp6mStatus = sixMonths?.Status;

        Assign(enrolment, AssignmentRole.Coach, row.CoachId);
        Assign(enrolment, AssignmentRole.BridgeBuilder, row.BridgeBuilderId);
    }

    /// <summary>The situations upon leaving of the file, each dated on the exit (the format gives no other date). A
    /// qualification comes without its details, which the file does not have; staff add them on the leaving page.</summary>
    private static IEnumerable<LeavingSituation> Leaving(Enrolment enrolment, ImportRow row, DateTime now, Guid? userId)
    {
        if (enrolment.ExitedOn is not { } exitedOn)
            yield break;
        foreach (var kind in row.UponLeaving)
        {
            var situation = new LeavingSituation { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, Kind = kind, On = exitedOn };
            ImportOrigin.Mark(situation, now, userId);
            yield return situation;
        }
    }

    /// <summary>Replaces the imported outcome of a kind; an outcome staff entered stays whatever the file says.</summary>
    private static void Replace(Enrolment enrolment, OutcomeKind kind, Outcome? wanted, DateTime now, Guid? userId)
    {
        var imported = enrolment.Outcomes.Where(o => o.Kind == kind && ImportOrigin.IsImported(o)).ToList();
        if (wanted is not null && imported.Count == 1 && Same(imported[0], wanted))
            return;
        foreach (var outcome in imported)
        {
            outcome.Remove(ImportOrigin.Replaced);
            enrolment.Outcomes.Remove(outcome);
        }
        if (wanted is null || enrolment.Outcomes.Any(o => o.Kind == kind && Same(o, wanted)))
            return;
        ImportOrigin.Mark(wanted, now, userId);
        enrolment.Outcomes.Add(wanted);
    }

    private static bool Same(Outcome a, Outcome b)
        => a.StartedOn == b.StartedOn && a.EmploymentType == b.EmploymentType && a.EmployerName == b.EmployerName && a.StudiesType == b.StudiesType;

    /// <summary>The six-month follow-up of the file: recorded on the scheduled one, or on the one an earlier import
    /// recorded; one staff recorded is never touched. Its contact method is "not recorded", never invented.</summary>
    private static void RecordSixMonths(Enrolment enrolment, ImportRow row, DateTime now, Guid? userId)
    {
        // Only the current period's: a follow-up of an exit before a re-entry is kept for history (Enrolment.ReEnter).
        var sixMonths = SixMonthsOfCurrentPeriod(enrolment);
        if (sixMonths.Any(f => f.RecordedOn is not null && !ImportOrigin.IsImported(f)))
            return;
        var target = sixMonths.FirstOrDefault(f => f.RecordedOn is not null) ?? sixMonths.FirstOrDefault();
        if (row.FollowUp6mOn is not { } on)
        {
            if (target is { RecordedOn: not null })
            {
                target.Remove(ImportOrigin.Replaced);
                enrolment.FollowUps.Remove(target);
            }
            return;
        }
        if (target is null)
        {
            target = new FollowUp { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, PeriodId = enrolment.CurrentPeriod().Id, Kind = FollowUpKind.SixMonths, DueOn = FollowUp.DueAfterExit(FollowUpKind.SixMonths, row.ExitedOn!.Value) };
            enrolment.FollowUps.Add(target);
        }
        target.DueOn = FollowUp.DueAfterExit(FollowUpKind.SixMonths, row.ExitedOn!.Value);
        target.RecordedOn = on;
        target.Status = row.FollowUp6mStatus;
        target.ContactMethod = ContactMethod.NotRecorded;
        target.SameEmployer = null;
        ImportOrigin.Mark(target, now, userId);
    }

    /// <summary>The six-month follow-ups of the period going on or last ended (those from before periods were kept have none).</summary>
    internal static List<FollowUp> SixMonthsOfCurrentPeriod(Enrolment enrolment)
    {
        var period = enrolment.Periods.Where(p => p.RemovedAt is null && p.HistoryOf is null).MaxBy(p => p.StartedOn);
        return enrolment.FollowUps.Where(f => f.Kind == FollowUpKind.SixMonths && (f.PeriodId is null || f.PeriodId == period?.Id)).ToList();
    }

    /// <summary>The coach or bridge-builder of the file, from the enrolment date, unless someone holds the role already
    /// (staff may have changed it since: their choice stands).</summary>
    private static void Assign(Enrolment enrolment, AssignmentRole role, Guid? staffId)
    {
        if (staffId is { } id && !enrolment.Assignments.Any(a => a.Role == role && a.EndedOn == null))
            enrolment.Assignments.Add(new Assignment { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, StaffId = id, Role = role, StartedOn = enrolment.EnrolledOn });
    }

    private static void Update(BrobyggeDb db, IdentityNumberProtector protector, Enrolment enrolment, ImportRow row, DateOnly today, DateTime now, Guid? userId)
    {
        ApplyPerson(enrolment.Person!, row, protector);
        CorrectFactsAtEntry(enrolment, row);
        var outcomes = enrolment.Outcomes.ToList();
        var followUps = enrolment.FollowUps.ToList();
        ApplyEnrolment(enrolment, enrolment.Project!, row, today, now, userId);
        // What left the collections is removed from the database (the save pipeline keeps its history).
        foreach (var outcome in outcomes.Except(enrolment.Outcomes).Where(o => o.RemovedAt is null))
        {
            outcome.Remove(ImportOrigin.Replaced);
            db.Outcomes.Remove(outcome);
        }
        foreach (var followUp in followUps.Except(enrolment.FollowUps).Where(f => f.RemovedAt is null))
        {
            followUp.Remove(ImportOrigin.Replaced);
            db.FollowUps.Remove(followUp);
        }
    }

    /// <summary>
    /// A re-import corrects the facts at entry from the row (docs/imports.md): a cell with a value corrects its fact, an
    /// empty cell or a missing column leaves what is stored, as for the person; the unemployment date goes with the
    /// status at entry (a required column), so it is taken as the file has it whenever its column is there or the
    /// status changes; the age is counted again when the row gives the birth date (or number) or moves the enrolment
    /// date. The enrolments are saved by the save pipeline in one batch, the path <see cref="EntryFactsOperations.CorrectAsync"/>
    /// takes: each changed enrolment gets a new version and its update is audited.
    /// </summary>
    private static void CorrectFactsAtEntry(Enrolment enrolment, ImportRow row)
    {
        if (row.Person.Gender is { } gender)
            enrolment.GenderAtEntry = gender;
        var born = row.Number?.BirthDate ?? row.Person.BirthDate;
        if (born is not null || row.EnrolledOn != enrolment.EnrolledOn)
            if ((born ?? enrolment.Person?.BirthDate) is { } birthDate && birthDate != default)
                enrolment.AgeAtEntry = EntryFacts.AgeOn(birthDate, row.EnrolledOn);
        if (row.Person.EducationLevel is { } education)
            enrolment.EducationLevelAtEntry = education;
        if (row.MunicipalityCode is { } municipality)
            enrolment.MunicipalityAtEntry = municipality;
        if (row.Has(ImportColumns.UnemployedSince) || row.StatusAtEntry != enrolment.StatusAtEntry)
            enrolment.UnemployedSince = row.UnemployedSince;
        if (row.Citizenship.Count > 0 && !row.Citizenship.Order().SequenceEqual(enrolment.Citizenship.Order()))
            enrolment.Citizenship = row.Citizenship;
        if (row.CountryOfBirth is { } country)
            enrolment.CountryOfBirth = country;
        if (row.ParentsBornAbroad is { } parents)
            enrolment.ParentsBornAbroad = parents;
    }

    /// <summary>The new rows by binary COPY, with the audit events the save pipeline would have written for them,
    /// numbered in the organisation's order in this transaction.</summary>
    private static async Task CopyAsync(BrobyggeDb db, Created created, DateTime now, Guid? userId, CancellationToken cancellationToken)
    {
        var assignments = created.Enrolments.SelectMany(e => e.Assignments).Concat(created.Assignments).ToList();
        var outcomes = created.Enrolments.SelectMany(e => e.Outcomes).Concat(created.Outcomes).ToList();
        var followUps = created.Enrolments.SelectMany(e => e.FollowUps).Concat(created.FollowUps).ToList();
        var periods = created.Enrolments.SelectMany(e => e.Periods).Concat(created.Periods).ToList();
        var leaving = created.Leaving;
        var audit = new List<AuditEvent>(created.Persons.Count + created.Enrolments.Count + assignments.Count + outcomes.Count + followUps.Count);
        void Audit(string type, IEnumerable<(Guid OrganisationId, Guid Id)> records)
            => audit.AddRange(records.Select(r => new AuditEvent
            {
                OrganisationId = r.OrganisationId, At = now, UserId = userId, Action = AuditAction.Create, EntityType = type, EntityId = r.Id, Source = db.Scope.Source,
            }));
        Audit(nameof(Person), created.Persons.Select(p => (p.OrganisationId, p.Id)));
        Audit(nameof(Enrolment), created.Enrolments.Select(e => (e.OrganisationId, e.Id)));
        Audit(nameof(Assignment), assignments.Select(a => (a.OrganisationId, a.Id)));
        Audit(nameof(Outcome), outcomes.Select(o => (o.OrganisationId, o.Id)));
        Audit(nameof(FollowUp), followUps.Select(f => (f.OrganisationId, f.Id)));
        Audit(nameof(ParticipationPeriod), periods.Select(p => (p.OrganisationId, p.Id)));
        Audit(nameof(LeavingSituation), leaving.Select(l => (l.OrganisationId, l.Id)));
        if (audit.Count > 0)
            await AuditTrail.NumberAsync(db, audit, cancellationToken);

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await CopyAsync(created.Persons);
        await CopyAsync(created.Enrolments);
        await CopyAsync(periods);
        await CopyAsync(assignments);
        await CopyAsync(outcomes);
        await CopyAsync(followUps);
        await CopyAsync(leaving);
        await CopyAsync(audit);

        async Task CopyAsync<T>(List<T> rows) where T : class
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await BinaryCopy.CopyAsync(db, connection, rows, cancellationToken);
            ParticipantImport.Trace?.Invoke($"    COPY {rows.Count} {typeof(T).Name} in {watch.Elapsed.TotalSeconds:F2} s");
        }
    }
}
