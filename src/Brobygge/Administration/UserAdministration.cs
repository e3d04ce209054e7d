using System.Net.Mail;
using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Administration;

public sealed class InviteInput
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Role { get; set; }
    public Guid? ProjectId { get; set; }
}

public sealed class RoleInput
{
    public string? Role { get; set; }
}

/// <summary>What the administrator sends the user: a link to choose their password, shown once.</summary>
public sealed record OneTimeLink(User User, string Token);

/// <summary>
/// An administrator's work on the users of their own organisation, what <c>users</c> does on the command line. Users
/// carry no query filter (login finds them before anyone is signed in), so every query here names the organisation:
/// a user of another organisation is "not found".
/// </summary>
public static class UserAdministration
{
    public static IQueryable<User> OfMyOrganisation(BrobyggeDb db) => db.Users.Where(u => u.OrganisationId == db.Scope.OrganisationId);

    public static async Task<User> FindAsync(BrobyggeDb db, Guid id, CancellationToken cancellationToken)
        => await OfMyOrganisation(db).SingleOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new NotFoundException("The user");

    /// <summary>Creates the user without a password and returns the one-time token of their invitation: Identity's
    /// password-reset token, which is kept nowhere (it is signed, not stored), expires after
    /// <see cref="Invitations.Lifespan"/> and works once (setting the password renews the stamp it holds).</summary>
    public static async Task<OneTimeLink?> InviteAsync(BrobyggeDb db, UserManager<User> users, IServiceProvider services, InviteInput input,
        Problems problems, CancellationToken cancellationToken)
    {
        var address = input.Email?.Trim() ?? "";
        if (address.Length == 0)
            problems.Add(nameof(input.Email), "Enter the e-mail address.");
        else if (address.Length > 200)
            problems.Add(nameof(input.Email), "The e-mail address can be at most 200 characters.");
        else if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || parsed.User.Length > 64)
            problems.Add(nameof(input.Email), "This is not an e-mail address.");
        else if (await users.FindByEmailAsync(address) is not null)
            problems.Add(nameof(input.Email), "A user with this e-mail address already exists.");
        problems.CheckLength(nameof(input.DisplayName), input.DisplayName, 200);
        var role = RoleOf(input.Role, nameof(input.Role), problems);
        var project = input.ProjectId is { } projectId ? await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken) : null;
        if (input.ProjectId is not null && project is null)
            problems.Add(nameof(input.ProjectId), "Choose one of the organisation's projects.");
        if (problems.Any)
            return null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new User
        {
            UserName = address, Email = address, EmailConfirmed = true, OrganisationId = db.Scope.OrganisationId,
            DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? address : input.DisplayName.Trim(),
        };
        if (!Succeeded(await users.CreateAsync(user), nameof(input.Email), problems))
            return null;
        await RoleSetup.EnsureRolesAsync(services);
        Succeeded(await users.AddToRoleAsync(user, role!), nameof(input.Role), problems);
        if (project is not null)
            db.ProjectMembers.Add(new ProjectMember { OrganisationId = user.OrganisationId, ProjectId = project.Id, UserId = user.Id });
        AdminAudit.Changed(db, AuditAction.Create, nameof(User), user.Id);
        await db.SaveChangesAsync(cancellationToken);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return new OneTimeLink(user, token);
    }

    /// <summary>Replaces the user's role; it applies to their very next request (Sessions reads roles each time).</summary>
    public static async Task<User?> SetRoleAsync(BrobyggeDb db, UserManager<User> users, IServiceProvider services, Guid id, RoleInput input,
        Problems problems, CancellationToken cancellationToken)
    {
        var user = await FindAsync(db, id, cancellationToken);
        var role = RoleOf(input.Role, nameof(input.Role), problems);
        if (user.Id == db.Scope.UserId)
            problems.Add(nameof(input.Role), "You cannot change your own role: another administrator can.");
        if (problems.Any)
            return null;
        var before = await users.GetRolesAsync(user);
        if (before.Count == 1 && before[0] == role)
            return user;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RoleSetup.EnsureRolesAsync(services);
        Succeeded(await users.RemoveFromRolesAsync(user, before), nameof(input.Role), problems);
        Succeeded(await users.AddToRoleAsync(user, role!), nameof(input.Role), problems);
        if (problems.Any)
            return null;
        AdminAudit.Changed(db, AuditAction.Update, nameof(User), user.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    /// <summary>A lockout until the end of time and a new stamp: every session and token of theirs ends at once.</summary>
    public static async Task<User?> DisableAsync(BrobyggeDb db, UserManager<User> users, Guid id, Problems problems, CancellationToken cancellationToken)
    {
        var user = await FindAsync(db, id, cancellationToken);
        if (user.Id == db.Scope.UserId)
            problems.Add("", "You cannot disable your own account: another administrator can.");
        if (problems.Any || AccountStatus.IsDisabled(user))
            return problems.Any ? null : user;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.LockoutEnabled = true;
        user.LockoutEnd = AccountStatus.DisabledUntil;
        AdminAudit.Changed(db, AuditAction.Update, nameof(User), user.Id);
        if (!Succeeded(await users.UpdateSecurityStampAsync(user), "", problems))
            return null;
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    public static async Task<User?> EnableAsync(BrobyggeDb db, UserManager<User> users, Guid id, Problems problems, CancellationToken cancellationToken)
    {
        var user = await FindAsync(db, id, cancellationToken);
        if (user.LockoutEnd is null)
            return user;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        AdminAudit.Changed(db, AuditAction.Update, nameof(User), user.Id);
        if (!Succeeded(await users.UpdateAsync(user), "", problems))
            return null;
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    /// <summary>Removes the password (its new stamp ends every session and token) and returns a one-time link to
    /// choose a new one, like an invitation.</summary>
    public static async Task<OneTimeLink?> ResetPasswordAsync(BrobyggeDb db, UserManager<User> users, Guid id, Problems problems, CancellationToken cancellationToken)
    {
        var user = await FindAsync(db, id, cancellationToken);
        if (user.Id == db.Scope.UserId)
            problems.Add("", "Change your own password under “Change password”.");
        if (problems.Any)
            return null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        AdminAudit.Changed(db, AuditAction.Update, nameof(User), user.Id);
        if (await users.HasPasswordAsync(user))
            Succeeded(await users.RemovePasswordAsync(user), "", problems);
        else
            Succeeded(await users.UpdateSecurityStampAsync(user), "", problems); // an earlier link stops working too
        if (problems.Any)
            return null;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return new OneTimeLink(user, token);
    }

    /// <summary>Active, disabled, locked or invited (no password yet), as a resource key.</summary>
    public static string StatusOf(User user, DateTimeOffset now)
        => AccountStatus.IsDisabled(user) ? "Disabled"
            : user.LockoutEnd is { } end && end > now ? "Locked after wrong passwords"
            : user.PasswordHash is null ? "Invited, no password yet"
            : "Active";

    private static string? RoleOf(string? name, string field, Problems problems)
    {
        var role = string.IsNullOrWhiteSpace(name) ? null : Roles.Find(name);
        if (role is null)
            problems.Add(field, "Choose a role.");
        return role;
    }

    private static bool Succeeded(IdentityResult result, string field, Problems problems)
    {
        foreach (var error in result.Errors)
            problems.Add(field, error.Description);
        return result.Succeeded;
    }
}
