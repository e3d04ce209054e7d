using System.CommandLine;
using System.Net.Mail;
using System.Security.Cryptography;
using Brobygge.Data;
using Brobygge.Organisations;
using Brobygge.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Identity;

public static class UsersCommand
{
    public static Command Create(Cli cli)
        => new("users", "Manage users: who may log in, with which role.")
        {
            Add(cli), List(cli), Disable(cli), Enable(cli), SetRole(cli), ResetPassword(cli),
        };

    private static Option<string> EmailOption() => new("--email") { Description = "The user's login e-mail address", Required = true };

    private static Option<string> RoleOption() => new("--role") { Description = "One of: " + string.Join(", ", Roles.All), Required = true };

    private static Command Add(Cli cli)
    {
        var email = EmailOption();
        var role = RoleOption();
        var project = new Option<string?>("--project") { Description = "Project code the user works in" };
        var name = new Option<string?>("--name") { Description = "Display name (defaults to the e-mail address)" };
        var organisation = new Option<string?>("--organisation") { Description = "Organisation, when there are several and no --project" };
        var add = new Command("add", $"Create a user and print a one-time link, valid for {Invitations.Lifespan.TotalDays} days, where they choose their password.")
        {
            email, role, project, name, organisation,
        };
        cli.Handle(add, async (services, parse, cancellationToken) =>
        {
            var db = services.GetRequiredService<BrobyggeDb>();
            var users = services.GetRequiredService<UserManager<User>>();
            var address = parse.GetValue(email)!.Trim();
            if (!MailAddress.TryCreate(address, out var parsedAddress) || parsedAddress.Address != address || parsedAddress.User.Length > 64)
                throw new CommandLineException($"--email '{address}' is not an e-mail address.");
            if (address.Length > 200)
                throw new CommandLineException("--email can be at most 200 characters.");
            var displayName = string.IsNullOrWhiteSpace(parse.GetValue(name)) ? address : parse.GetValue(name)!.Trim();
            if (displayName.Length > 200)
                throw new CommandLineException("--name can be at most 200 characters.");
            var roleName = FindRole(parse.GetValue(role)!);
            if (await users.FindByEmailAsync(address) is not null)
                throw new CommandLineException($"A user with e-mail {address} already exists.");
            var projectCode = parse.GetValue(project);
            var inProject = projectCode is null ? null : await ProjectCode.FindAsync(db, projectCode, cancellationToken);
            var organisationId = inProject?.OrganisationId
                ?? (await OrganisationLookup.FindOrCreateAsync(db, parse.GetValue(organisation), cancellationToken)).Id;

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken); // an organisation made on demand
            // No password: nobody but the user ever knows it; they choose it through the link.
            var user = new User { UserName = address, Email = address, EmailConfirmed = true, OrganisationId = organisationId, DisplayName = displayName };
            Check(await users.CreateAsync(user));
            await RoleSetup.EnsureRolesAsync(services);
            Check(await users.AddToRoleAsync(user, roleName));
            if (inProject is not null)
                db.ProjectMembers.Add(new ProjectMember { OrganisationId = organisationId, ProjectId = inProject.Id, UserId = user.Id });
            await db.SaveChangesAsync(cancellationToken);
            var link = await Invitations.LinkAsync(users, user, services.GetRequiredService<IConfiguration>());
            await transaction.CommitAsync(cancellationToken);

            await cli.Output.WriteLineAsync($"Created {roleName} {address}{(inProject is null ? "" : " in " + inProject.Code)}.");
            await cli.Output.WriteLineAsync($"Give them this link to choose a password (shown once, works once, valid for {Invitations.Lifespan.TotalDays} days):");
            await cli.Output.WriteLineAsync(link);
        });
        return add;
    }

    private static Command List(Cli cli)
    {
        var list = new Command("list", "List every user: e-mail, name, role, organisation and whether they can log in.");
        cli.Handle(list, async (services, _, cancellationToken) =>
        {
            var db = services.GetRequiredService<BrobyggeDb>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
            var roles = (await (from userRole in db.UserRoles
                                join role in db.Roles on userRole.RoleId equals role.Id
                                select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken))
                .ToLookup(r => r.UserId, r => r.Name!);
            var mustChange = (await db.UserClaims.Where(c => c.ClaimType == PasswordChange.RequiredClaim).Select(c => c.UserId).ToListAsync(cancellationToken)).ToHashSet();
            var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
            var rows = users
                .Select(u => new[]
                {
                    u.Email ?? "", u.DisplayName, string.Join(",", roles[u.Id].Order(StringComparer.Ordinal)),
                    organisations.GetValueOrDefault(u.OrganisationId, "?"), Status(u, mustChange.Contains(u.Id), now),
                })
                .OrderBy(row => row[3], StringComparer.CurrentCulture).ThenBy(row => row[0], StringComparer.OrdinalIgnoreCase)
                .Prepend(["EMAIL", "NAME", "ROLE", "ORGANISATION", "STATUS"])
                .ToList();
            var widths = Enumerable.Range(0, 4).Select(column => rows.Max(row => row[column].Length)).ToArray();
            foreach (var row in rows)
                await cli.Output.WriteLineAsync(string.Join("  ", row.Select((cell, column) => column < 4 ? cell.PadRight(widths[column]) : cell)));
        });
        return list;
    }

    private static string Status(User user, bool mustChangePassword, DateTimeOffset now)
    {
        var status = AccountStatus.IsDisabled(user) ? "disabled"
            : user.LockoutEnd is { } end && end > now ? $"locked until {end.UtcDateTime:yyyy-MM-dd HH:mm} UTC"
            : user.PasswordHash is null ? "invited (no password yet)"
            : "active";
        return mustChangePassword ? status + ", must change password" : status;
    }

    private static Command Disable(Cli cli)
    {
        var email = EmailOption();
        var disable = new Command("disable", "Stop a user from logging in; their sessions and API tokens stop working at once.") { email };
        cli.Handle(disable, async (services, parse, _) =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = await FindAsync(users, parse.GetValue(email)!);
            if (AccountStatus.IsDisabled(user))
            {
                await cli.Output.WriteLineAsync($"{user.Email} is already disabled.");
                return;
            }
            user.LockoutEnabled = true;
            user.LockoutEnd = AccountStatus.DisabledUntil;
            // The new stamp ends every session and token at their next request (Sessions).
            Check(await users.UpdateSecurityStampAsync(user));
            await cli.Output.WriteLineAsync($"Disabled {user.Email}: they cannot log in, and their sessions and tokens have ended.");
        });
        return disable;
    }

    private static Command Enable(Cli cli)
    {
        var email = EmailOption();
        var enable = new Command("enable", "Let a disabled (or locked) user log in again.") { email };
        cli.Handle(enable, async (services, parse, _) =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = await FindAsync(users, parse.GetValue(email)!);
            if (user.LockoutEnd is null)
            {
                await cli.Output.WriteLineAsync($"{user.Email} is not disabled.");
                return;
            }
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            Check(await users.UpdateAsync(user));
            await cli.Output.WriteLineAsync($"Enabled {user.Email}: they can log in again.");
        });
        return enable;
    }

    private static Command SetRole(Cli cli)
    {
        var email = EmailOption();
        var role = RoleOption();
        var setRole = new Command("set-role", "Give a user another role (replacing the one they have); it applies to their very next request.") { email, role };
        cli.Handle(setRole, async (services, parse, cancellationToken) =>
        {
            var db = services.GetRequiredService<BrobyggeDb>();
            var users = services.GetRequiredService<UserManager<User>>();
            var roleName = FindRole(parse.GetValue(role)!);
            var user = await FindAsync(users, parse.GetValue(email)!);
            var before = await users.GetRolesAsync(user);
            if (before.Count == 1 && before[0] == roleName)
            {
                await cli.Output.WriteLineAsync($"{user.Email} is already {roleName}.");
                return;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await RoleSetup.EnsureRolesAsync(services);
            Check(await users.RemoveFromRolesAsync(user, before));
            Check(await users.AddToRoleAsync(user, roleName));
            await transaction.CommitAsync(cancellationToken);
            // No new security stamp: sessions go on, but each request takes its roles from the database (Sessions).
            await cli.Output.WriteLineAsync($"{user.Email} is now {roleName}{(before.Count == 0 ? "" : " (was " + string.Join(", ", before) + ")")}.");
        });
        return setRole;
    }

    private static Command ResetPassword(Cli cli)
    {
        var email = EmailOption();
        var reset = new Command("reset-password",
            "Give a user a one-time password, printed once, which they must change when they log in; every earlier session and token ends.") { email };
        cli.Handle(reset, async (services, parse, cancellationToken) =>
        {
            var db = services.GetRequiredService<BrobyggeDb>();
            var users = services.GetRequiredService<UserManager<User>>();
            var user = await FindAsync(users, parse.GetValue(email)!);
            var password = GeneratePassword();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Both renew the security stamp, which ends every earlier session.
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, password));
            Check(await PasswordChange.RequireAsync(users, user));
            if (!AccountStatus.IsDisabled(user) && user.LockoutEnd is not null)
            {
                user.LockoutEnd = null; // locked by wrong passwords: the new password lets them in
                user.AccessFailedCount = 0;
                Check(await users.UpdateAsync(user));
            }
            await transaction.CommitAsync(cancellationToken);
            await cli.Output.WriteLineAsync($"One-time password for {user.Email} (shown once; they must change it when they log in): {password}");
            await cli.Output.WriteLineAsync("Their earlier sessions and tokens have ended.");
            if (AccountStatus.IsDisabled(user))
                await cli.Output.WriteLineAsync($"{user.Email} is still disabled: `users enable --email {user.Email}` lets them log in.");
        });
        return reset;
    }

    private static string FindRole(string name)
        => Roles.Find(name) ?? throw new CommandLineException($"--role '{name}' is not a role; use one of: {string.Join(", ", Roles.All)}.");

    private static async Task<User> FindAsync(UserManager<User> users, string email)
        => await users.FindByEmailAsync(email.Trim()) ?? throw new CommandLineException($"There is no user with e-mail {email.Trim()}.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new CommandLineException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>20 characters from alphabets without look-alikes, with each class Identity requires, shuffled.</summary>
    public static string GeneratePassword()
    {
        var characters = (RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz", 8)
            + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ", 6)
            + RandomNumberGenerator.GetString("23456789", 4)
            + RandomNumberGenerator.GetString("-_!?", 2)).ToCharArray();
        RandomNumberGenerator.Shuffle(characters.AsSpan());
        return new string(characters);
    }
}

/// <summary>A disabled account is one locked out until the end of time, so Identity itself refuses its logins.</summary>
public static class AccountStatus
{
    public static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabled(User user) => user.LockoutEnd >= DisabledUntil;
}

public static class RoleSetup
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<Guid>(role));
    }
}
