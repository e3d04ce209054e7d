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
    {
        var email = new Option<string>("--email") { Description = "Login e-mail address", Required = true };
        var role = new Option<string>("--role") { Description = "One of: " + string.Join(", ", Roles.All), Required = true };
        var project = new Option<string?>("--project") { Description = "Project code the user works in" };
        var name = new Option<string?>("--name") { Description = "Display name (defaults to the e-mail address)" };
        var organisation = new Option<string?>("--organisation") { Description = "Organisation, when there are several and no --project" };
        var add = new Command("add", "Create a user and print a generated password once.") { email, role, project, name, organisation };
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
            var roleName = Roles.Find(parse.GetValue(role)!)
                ?? throw new CommandLineException($"--role '{parse.GetValue(role)}' is not a role; use one of: {string.Join(", ", Roles.All)}.");
            if (await users.FindByEmailAsync(address) is not null)
                throw new CommandLineException($"A user with e-mail {address} already exists.");
            var projectCode = parse.GetValue(project);
            var inProject = projectCode is null ? null : await ProjectCode.FindAsync(db, projectCode, cancellationToken);
            var organisationId = inProject?.OrganisationId
                ?? (await OrganisationLookup.FindOrCreateAsync(db, parse.GetValue(organisation), cancellationToken)).Id;

            var password = GeneratePassword();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken); // an organisation made on demand
            var user = new User { UserName = address, Email = address, EmailConfirmed = true, OrganisationId = organisationId, DisplayName = displayName };
            Check(await users.CreateAsync(user, password));
            await RoleSetup.EnsureRolesAsync(services);
            Check(await users.AddToRoleAsync(user, roleName));
            if (inProject is not null)
                db.ProjectMembers.Add(new ProjectMember { OrganisationId = organisationId, ProjectId = inProject.Id, UserId = user.Id });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            await cli.Output.WriteLineAsync($"Created {roleName} {address}{(inProject is null ? "" : " in " + inProject.Code)}.");
            await cli.Output.WriteLineAsync($"Password (shown once): {password}");
        });
        return new Command("users", "Manage users.") { add };
    }

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
