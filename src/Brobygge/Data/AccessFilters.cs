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
/// <see cref="BeyondAccess{T}"/>.
/// </summary>
public abstract partial class BrobyggeDb
{
    public const string TenantFilter = "Tenant";
    public const string AccessFilter = "Access";

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
    }

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
}
