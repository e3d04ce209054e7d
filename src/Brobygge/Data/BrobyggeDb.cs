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
/// A table of contents: each entity's configuration stands beside the entity (an IEntityTypeConfiguration in its
/// feature folder), the access filters in AccessFilters.cs, the save pipeline in SavePipeline.cs.
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
    public DbSet<ParticipationPeriod> ParticipationPeriods => Set<ParticipationPeriod>();
    public DbSet<Mapping> Mappings => Set<Mapping>();
    public DbSet<PlanStep> PlanSteps => Set<PlanStep>();
    public DbSet<TaxonomyConcept> TaxonomyConcepts => Set<TaxonomyConcept>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Outcome> Outcomes => Set<Outcome>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<SpecialCategoryAnswer> SpecialCategoryAnswers => Set<SpecialCategoryAnswer>();
    public DbSet<Leaving.LeavingSituation> LeavingSituations => Set<Leaving.LeavingSituation>();
    public DbSet<Leaving.Qualification> Qualifications => Set<Leaving.Qualification>();
    public DbSet<Journal.JournalNote> JournalNotes => Set<Journal.JournalNote>();
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
        // Each entity's configuration stands beside it (an IEntityTypeConfiguration in its feature folder).
        builder.ApplyConfigurationsFromAssembly(typeof(BrobyggeDb).Assembly);
        ApplyAccessFilters(builder);

        // Our ids are made in code (version 7 GUIDs), so a new record found through a navigation is
        // inserted, not mistaken for an existing one to update.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("Brobygge.", StringComparison.Ordinal) == true && e.ClrType != typeof(User)))
            if (entity.FindProperty("Id") is { } id && id.ClrType == typeof(Guid))
                id.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
    }
}
