using System.Security.Claims;
using Brobygge.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Brobygge.Identity;

public static class IdentitySetup
{
    public static IServiceCollection AddBrobyggeIdentity(this IServiceCollection services)
    {
        services.AddIdentity<User, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Lockout.MaxFailedAccessAttempts = 5;
            })
            .AddEntityFrameworkStores<BrobyggeDb>()
            .AddClaimsPrincipalFactory<BrobyggeClaimsFactory>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Identity/Login";
            options.LogoutPath = "/Identity/Logout";
            options.AccessDeniedPath = "/Identity/AccessDenied";
            options.Cookie.Name = "brobygge";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        return services;
    }
}

/// <summary>Puts the organisation in the cookie, so <see cref="AccessScope"/> needs no query per request.</summary>
public sealed class BrobyggeClaimsFactory(UserManager<User> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccessScope.OrganisationClaim, user.OrganisationId.ToString()));
        identity.AddClaim(new Claim("name", user.DisplayName));
        return identity;
    }
}
