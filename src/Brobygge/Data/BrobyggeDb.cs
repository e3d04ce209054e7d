using Brobygge.Activities;
using Brobygge.Auditing;
using Brobygge.Consents;
using Brobygge.Contacts;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Mappings;
using Brobygge.Organisations;
using Brobygge.Outcomes;
using Brobygge.Participants;
using Brobygge.Plans;
using Brobygge.Projects;
using Brobygge.Taxonomy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Data;

/// <summary>
/// The one model of Brobygge. Each provider has a small subclass with its own migrations
/// (<see cref="SqliteBrobyggeDb"/>, <see cref="PostgresBrobyggeDb"/>). The query filters apply the
/// <see cref="AccessScope"/> to every query, so no page or endpoint repeats an access rule.
/// </summary>
public abstract partial class BrobyggeDb(DbContextOptions options, CurrentAccess access)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public AccessScope Scope => access.Scope;

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectPartner> ProjectPartners => Set<ProjectPartner>();
    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<Mapping> Mappings => Set<Mapping>();
    public DbSet<PlanStep> PlanSteps => Set<PlanStep>();
    public DbSet<TaxonomyConcept> TaxonomyConcepts => Set<TaxonomyConcept>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Outcome> Outcomes => Set<Outcome>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditSequence> AuditSequences => Set<AuditSequence>();
    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when a value is added in the middle.
        foreach (var enumType in typeof(BrobyggeDb).Assembly.GetTypes().Where(type => type.IsEnum && type.IsPublic))
            configurationBuilder.Properties(enumType).HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<User>(user =>
        {
            user.HasIndex(u => u.OrganisationId);
            user.Property(u => u.DisplayName).HasMaxLength(200);
        });

        builder.Entity<Organisation>(organisation =>
        {
            organisation.Property(o => o.Name).HasMaxLength(200);
            organisation.HasIndex(o => o.Name).IsUnique();
        });

        builder.Entity<Project>(project =>
        {
            project.Property(p => p.Code).HasMaxLength(40);
            project.Property(p => p.Name).HasMaxLength(200);
            project.HasIndex(p => new { p.OrganisationId, p.Code }).IsUnique();
            project.HasMany(p => p.Goals).WithOne().HasForeignKey(g => g.ProjectId);
            project.HasMany(p => p.Partners).WithOne().HasForeignKey(p => p.ProjectId);
            project.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.ProjectId);
            project.HasIndex(p => p.OrganisationId);
        });
        builder.Entity<Goal>(goal =>
        {
            goal.HasIndex(g => new { g.ProjectId, g.Indicator, g.Gender }).IsUnique();
            goal.HasIndex(g => g.OrganisationId);
        });
        builder.Entity<ProjectPartner>().HasIndex(p => p.OrganisationId);
        builder.Entity<ProjectMember>(member =>
        {
            member.HasIndex(m => new { m.ProjectId, m.UserId }).IsUnique();
            member.HasOne<User>().WithMany().HasForeignKey(m => m.UserId);
            member.HasIndex(m => m.OrganisationId);
        });

        builder.Entity<Person>(person =>
        {
            person.Property(p => p.FirstName).HasMaxLength(100);
            person.Property(p => p.LastName).HasMaxLength(100);
            person.Property(p => p.IdentityNumberIndex).HasMaxLength(64);
            person.HasIndex(p => new { p.OrganisationId, p.IdentityNumberIndex }).IsUnique();
            person.HasIndex(p => new { p.OrganisationId, p.LastName, p.FirstName });
            person.HasMany(p => p.Enrolments).WithOne(e => e.Person).HasForeignKey(e => e.PersonId);
            person.Ignore(p => p.FullName);
            Versioned(person);
        });

        builder.Entity<Contact>(contact =>
        {
            contact.Property(c => c.Language).HasMaxLength(3);
            contact.Property(c => c.Place).HasMaxLength(200);
            contact.HasIndex(c => new { c.OrganisationId, c.ProjectId, c.ContactedOn });
            contact.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId);
            contact.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId);
            Versioned(contact);
        });

        builder.Entity<Enrolment>(enrolment =>
        {
            enrolment.Property(e => e.Reference).HasMaxLength(60);
            enrolment.HasIndex(e => new { e.ProjectId, e.PersonId }).IsUnique();
            enrolment.HasIndex(e => new { e.ProjectId, e.Reference }).IsUnique();
            enrolment.HasIndex(e => new { e.OrganisationId, e.ProjectId, e.EnrolledOn });
            enrolment.HasOne(e => e.Project).WithMany().HasForeignKey(e => e.ProjectId);
            enrolment.HasMany(e => e.Assignments).WithOne(a => a.Enrolment).HasForeignKey(a => a.EnrolmentId);
            enrolment.HasMany(e => e.Activities).WithOne(a => a.Enrolment).HasForeignKey(a => a.EnrolmentId);
            enrolment.HasMany(e => e.Outcomes).WithOne(o => o.Enrolment).HasForeignKey(o => o.EnrolmentId);
            enrolment.HasMany(e => e.FollowUps).WithOne(f => f.Enrolment).HasForeignKey(f => f.EnrolmentId);
            Versioned(enrolment);
        });

        builder.Entity<Assignment>(assignment =>
        {
            assignment.HasIndex(a => new { a.StaffId, a.EndedOn });
            // One current coach and one current bridge-builder per participant, also when two hand-overs race
            // (StaffOperations.AssignAsync turns the refusal into a conflict). The quoted SQL suits both providers.
            assignment.HasIndex(a => new { a.EnrolmentId, a.Role }).IsUnique().HasFilter("\"EndedOn\" IS NULL");
            // Kept beside the filtered one, which cannot find ended assignments (history, caseloads as of a date).
            assignment.HasIndex(a => a.EnrolmentId);
            assignment.HasOne(a => a.Staff).WithMany().HasForeignKey(a => a.StaffId);
            assignment.HasIndex(a => a.OrganisationId);
        });

        builder.Entity<Activity>(activity =>
        {
            activity.HasIndex(a => new { a.EnrolmentId, a.OccurredOn });
            Versioned(activity);
        });
        builder.Entity<Outcome>(outcome =>
        {
            outcome.HasIndex(o => new { o.EnrolmentId, o.StartedOn });
            Versioned(outcome);
        });
        builder.Entity<FollowUp>(followUp =>
        {
            followUp.HasIndex(f => new { f.OrganisationId, f.RecordedOn, f.DueOn });
            Versioned(followUp);
        });
        builder.Entity<Mapping>(mapping =>
        {
            mapping.HasIndex(m => new { m.EnrolmentId, m.Number }).IsUnique();
            mapping.Property(m => m.EducationField).HasMaxLength(200);
            mapping.Property(m => m.EducationCountry).HasMaxLength(2);
            mapping.OwnsMany(m => m.Experience, owned => owned.ToJson());
            mapping.OwnsMany(m => m.Languages, owned => owned.ToJson());
            mapping.OwnsMany(m => m.Skills, owned => owned.ToJson());
        });
        builder.Entity<PlanStep>(step =>
        {
            step.Property(s => s.Title).HasMaxLength(300);
            step.Property(s => s.Owner).HasMaxLength(200);
            step.HasIndex(s => new { s.EnrolmentId, s.DueOn });
            step.HasOne(s => s.Enrolment).WithMany().HasForeignKey(s => s.EnrolmentId);
            Versioned(step);
        });
        builder.Entity<TaxonomyConcept>(concept =>
        {
            concept.HasKey(c => c.ConceptId);
            concept.Property(c => c.ConceptId).HasMaxLength(40);
            concept.Property(c => c.Type).HasMaxLength(60);
            concept.Property(c => c.Label).HasMaxLength(300);
            concept.Property(c => c.SsykCode).HasMaxLength(8);
            concept.Property(c => c.BroaderId).HasMaxLength(40);
            concept.HasIndex(c => new { c.Type, c.Label });
        });

        builder.Entity<Consent>(consent =>
        {
            consent.HasIndex(c => new { c.PersonId, c.Purpose });
            consent.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId);
        });

        builder.Entity<AuditEvent>(audit =>
        {
            audit.Property(a => a.EntityType).HasMaxLength(60);
            audit.Property(a => a.Source).HasMaxLength(60);
            audit.Property(a => a.Route).HasMaxLength(200);
            audit.HasIndex(a => new { a.OrganisationId, a.EntityId });
            audit.HasIndex(a => new { a.OrganisationId, a.At });
            audit.HasIndex(a => a.OrganisationId);
            // Not unique: events from before the order existed all carry 0.
            audit.HasIndex(a => new { a.OrganisationId, a.Sequence });
        });
        builder.Entity<AuditSequence>(sequence =>
        {
            sequence.HasKey(s => s.OrganisationId);
            sequence.HasQueryFilter(s => ScopeIsSystem || s.OrganisationId == ScopeOrganisationId);
        });

        builder.Entity<AppSecret>().HasKey(s => s.Name);

        ApplyAccessFilters(builder);

        // Our ids are made in code (version 7 GUIDs), so a new record found through a navigation is
        // inserted, not mistaken for an existing one to update.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("Brobygge.", StringComparison.Ordinal) == true && e.ClrType != typeof(User)))
            if (entity.FindProperty("Id") is { } id && id.ClrType == typeof(Guid))
                id.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
    }

    private static void Versioned<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> entity)
        where T : class, IVersioned
        => entity.Property(e => e.Version).IsConcurrencyToken();

    /// <summary>Only for writes without milestones (Data Protection's key ring saves synchronously).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var (touchedEnrolments, audit) = PrepareChanges();
        if (touchedEnrolments.Count > 0 || audit.Count > 0)
            throw new NotSupportedException("Use SaveChangesAsync: it keeps enrolment milestones and the audit order current in the same transaction.");
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var (touchedEnrolments, audit) = PrepareChanges();
        if (touchedEnrolments.Count == 0 && audit.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            // First, so the organisation's counter is taken before any other row is locked (no lock-order deadlock).
            if (audit.Count > 0)
                await AuditTrail.NumberAsync(this, audit, cancellationToken);
            // Changes count as saved only once the milestones are written too.
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            if (touchedEnrolments.Count > 0)
                await EnrolmentMilestones.RefreshAsync(this, touchedEnrolments, cancellationToken);
            if (ownTransaction is not null)
                await ownTransaction.CommitAsync(cancellationToken);
            if (acceptAllChangesOnSuccess)
                ChangeTracker.AcceptAllChanges();
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
                await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>Renews versions, refuses changes to the audit log, audits writes of personal data, and
    /// returns the enrolments whose milestones the changes may move and the audit events to number.</summary>
    private (HashSet<Guid> TouchedEnrolments, List<AuditEvent> Audit) PrepareChanges()
    {
        ChangeTracker.DetectChanges();
        var touchedEnrolments = new HashSet<Guid>();
        var audit = new List<AuditEvent>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            if (entry.Entity is AuditEvent added && entry.State == EntityState.Added)
                audit.Add(added);
            if (entry.Entity is AuditEvent or AuditSequence && entry.State != EntityState.Added)
                throw new InvalidOperationException("The audit log is append-only: an audit event cannot be changed or deleted.");
            if (entry.Entity is IVersioned versioned && entry.State != EntityState.Deleted)
                versioned.Version = Guid.NewGuid();
            switch (entry.Entity)
            {
                case Activity a: touchedEnrolments.Add(a.EnrolmentId); break;
                case Outcome o: touchedEnrolments.Add(o.EnrolmentId); break;
                case FollowUp f: touchedEnrolments.Add(f.EnrolmentId); break;
                case Mapping m: touchedEnrolments.Add(m.EnrolmentId); break;
            }
            if (AuditTrail.Describe(entry) is { } change)
            {
                change.UserId = Scope.IsSystem || Scope.UserId == Guid.Empty ? null : Scope.UserId;
                change.Source = Scope.Source;
                audit.Add(change);
            }
        }
        AuditEvents.AddRange(audit.Where(change => Entry(change).State == EntityState.Detached));
        return (touchedEnrolments, audit);
    }
}

/// <summary>Secrets the application generates once and keeps, protected with Data Protection.</summary>
public sealed class AppSecret
{
    public required string Name { get; set; }
    public required string ProtectedValue { get; set; }
}
