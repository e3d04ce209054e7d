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
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Data;

/// <summary>
/// The access rules, once, as query filters that apply the <see cref="AccessScope"/> to every query. Two named
/// filters per entity: <see cref="TenantFilter"/> keeps every organisation to its own rows and is never lifted for a
/// user; <see cref="AccessFilter"/> says which of them the user's role sees. The few reviewed places that must look
/// past a user's access (a duplicate check, a milestone refresh) lift only the access filter, with
/// <see cref="BeyondAccess{T}"/>. Records a figure reads (<see cref="IRecorded"/>) have a third, <see cref="CurrentFilter"/>,
/// which hides their earlier versions and removals; history views and as-known-at figures lift it with
/// <see cref="WithHistory{T}"/>.
/// </summary>
public abstract partial class BrobyggeDb
{
    public const string TenantFilter = "Tenant";
    public const string AccessFilter = "Access";

    /// <summary>Hides the history rows and removed rows of <see cref="IRecorded"/> records from ordinary queries;
    /// lifted only by <see cref="WithHistory{T}"/>.</summary>
    public const string CurrentFilter = "Current";

    // The filters read these per query, so one cached model serves every user.
    private bool ScopeIsSystem => Scope.IsSystem;
    private Guid ScopeOrganisationId => Scope.OrganisationId;
    private Guid ScopeUserId => Scope.UserId;
    private bool ScopeSeesProjects => Scope.SeesProjectParticipants;
    private bool ScopeSeesAssigned => Scope.SeesAssignedParticipants;

    private void ApplyAccessFilters(ModelBuilder builder)
    {
        builder.Entity<Organisation>().HasQueryFilter(TenantFilter, o => ScopeIsSystem || o.Id == ScopeOrganisationId);
        // Users carry no filter: login finds them by e-mail before anyone is signed in; staff lists filter by organisation.
        Tenant<Project>(builder);
        Tenant<Goal>(builder);
        Tenant<Reports.Snapshots.ReportSnapshot>(builder); // figures only; which projects a user reports on is ReportAccess's
        Tenant<ProjectPartner>(builder);
        Tenant<ProjectMember>(builder);
        Tenant<Assignment>(builder); // The enrolments' access reads assignments, so theirs must not read enrolments.
        Tenant<AuditEvent>(builder);
        builder.Entity<AuditSequence>().HasQueryFilter(s => ScopeIsSystem || s.OrganisationId == ScopeOrganisationId);

        // A person is visible through a visible enrolment or a visible contact, nothing else: handing a participant
        // over ends access.
        Tenant<Person>(builder).HasQueryFilter(AccessFilter, p => ScopeIsSystem
            || Enrolments.Any(e => e.PersonId == p.Id) || Contacts.Any(c => c.PersonId == p.Id));

        // Until the person is enrolled, the project's coaches and bridge-builders (the contact waits to be picked up);
        // from then on the enrolment's assignments decide. Always: the project's managers, and anyone who sees the
        // person's enrolment in the same project. (Must not read Persons: theirs reads this.)
        Tenant<Contact>(builder).HasQueryFilter(AccessFilter, c => ScopeIsSystem
            || (ScopeSeesAssigned && c.EnrolledOn == null && (c.BridgeBuilderId == ScopeUserId || c.RegisteredById == ScopeUserId
                || ProjectMembers.Any(m => m.ProjectId == c.ProjectId && m.UserId == ScopeUserId)))
            || (ScopeSeesProjects && ProjectMembers.Any(m => m.ProjectId == c.ProjectId && m.UserId == ScopeUserId))
            || Enrolments.Any(e => e.PersonId == c.PersonId && e.ProjectId == c.ProjectId));

        // Project managers see their projects' enrolments; coaches and bridge-builders those currently assigned to them.
        Tenant<Enrolment>(builder).HasQueryFilter(AccessFilter, e => ScopeIsSystem
            || (ScopeSeesProjects && ProjectMembers.Any(m => m.ProjectId == e.ProjectId && m.UserId == ScopeUserId))
            || (ScopeSeesAssigned && e.Assignments.Any(a => a.StaffId == ScopeUserId && a.EndedOn == null)));

        // Records of a participant are visible exactly when their enrolment (or person) is.
        Tenant<ParticipationPeriod>(builder).HasQueryFilter(AccessFilter, p => Enrolments.Any(e => e.Id == p.EnrolmentId));
        Tenant<Activity>(builder).HasQueryFilter(AccessFilter, a => Enrolments.Any(e => e.Id == a.EnrolmentId));
        Tenant<Outcome>(builder).HasQueryFilter(AccessFilter, o => Enrolments.Any(e => e.Id == o.EnrolmentId));
        Tenant<FollowUp>(builder).HasQueryFilter(AccessFilter, f => Enrolments.Any(e => e.Id == f.EnrolmentId));
        Tenant<Mapping>(builder).HasQueryFilter(AccessFilter, m => Enrolments.Any(e => e.Id == m.EnrolmentId));
        Tenant<PlanStep>(builder).HasQueryFilter(AccessFilter, s => Enrolments.Any(e => e.Id == s.EnrolmentId));
        Tenant<Consent>(builder).HasQueryFilter(AccessFilter, c => Persons.Any(p => p.Id == c.PersonId));
        Tenant<SpecialCategoryAnswer>(builder).HasQueryFilter(AccessFilter, a => Enrolments.Any(e => e.Id == a.EnrolmentId));
        Tenant<Leaving.LeavingSituation>(builder).HasQueryFilter(AccessFilter, s => Enrolments.Any(e => e.Id == s.EnrolmentId));
        Tenant<Leaving.Qualification>(builder).HasQueryFilter(AccessFilter, q => Enrolments.Any(e => e.Id == q.EnrolmentId));
        Tenant<Journal.JournalNote>(builder).HasQueryFilter(AccessFilter, n => Enrolments.Any(e => e.Id == n.EnrolmentId));

        // What a figure reads keeps its earlier versions and removals; ordinary queries see the current records only.
        foreach (var recorded in builder.Model.GetEntityTypes().Where(e => typeof(IRecorded).IsAssignableFrom(e.ClrType) && !e.IsOwned()).ToList())
            typeof(BrobyggeDb).GetMethod(nameof(Current), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(recorded.ClrType).Invoke(null, [builder]);
    }

    private static void Current<T>(ModelBuilder builder) where T : class, IRecorded
        => builder.Entity<T>().HasQueryFilter(CurrentFilter, r => r.HistoryOf == null && r.RemovedAt == null);

    private Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> Tenant<T>(ModelBuilder builder)
        where T : class, ITenantOwned
        => builder.Entity<T>().HasQueryFilter(TenantFilter, e => ScopeIsSystem || e.OrganisationId == ScopeOrganisationId);

    /// <summary>
    /// The rows of this organisation, past the user's access: only for the reviewed checks listed in
    /// docs/architecture.md ("Looking past access"), and only for a query that returns a fact (a count, an id, a date),
    /// never records to show, because the lifted filter applies to every entity the query touches.
    /// </summary>
    public IQueryable<T> BeyondAccess<T>() where T : class, ITenantOwned
        => Set<T>().IgnoreQueryFilters([AccessFilter]);

    /// <summary>
    /// The records with their earlier versions and removals (which ordinary queries never see): only for the reviewed
    /// history views and as-known-at figures listed in docs/architecture.md ("Looking past access"). Keeps the tenant
    /// and access filters; the lifted filter applies to every recorded entity the query touches.
    /// </summary>
    public IQueryable<T> WithHistory<T>() where T : class, IRecorded
        => Set<T>().IgnoreQueryFilters([CurrentFilter]);
}
