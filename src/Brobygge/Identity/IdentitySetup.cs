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
                // The login rate limit (LoginLimits) is the first defence; the lockout is the backstop against slow
                // guessing, set above the per-account limit so that an attacker meets the limit, not the lockout.
                options.Lockout.MaxFailedAccessAttempts = 10;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
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
        services.AddSessionChecks();
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = Invitations.Lifespan);
        services.AddOptions<LoginLimits>().BindConfiguration("Login:RateLimit");
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<PasswordLogin>();
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
