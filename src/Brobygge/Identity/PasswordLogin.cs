using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Brobygge.Identity;

public enum LoginOutcome
{
    SignedIn,

    /// <summary>Unknown e-mail, wrong password, locked or disabled: one answer for all, so none tells an account exists.</summary>
    Refused,

    /// <summary>Too many attempts from this client or for this account.</summary>
    TooManyAttempts,
}

/// <summary>
/// Signing in with an e-mail address and password, for the login page and <c>POST /api/v1/tokens</c> alike: rate limited
/// per client and per account first, then one answer and about the same work (one password hash) whatever the reason
/// for a refusal, so neither the message nor the time tells a known account from an unknown or locked one.
/// </summary>
public sealed class PasswordLogin(SignInManager<User> signIn, IPasswordHasher<User> hasher, LoginThrottle throttle)
{
    /// <summary>A hash of a random password, to verify against when there is no real hash to verify.</summary>
    private static string? _decoyHash;

    public async Task<LoginOutcome> SignInAsync(HttpContext http, string email, string password, string scheme)
    {
        if (!throttle.TryAcquire(http.Connection.RemoteIpAddress, email))
            return LoginOutcome.TooManyAttempts;
        signIn.AuthenticationScheme = scheme;
        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        if (user is null || user.PasswordHash is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            // Identity answers these (no user, an invited user without a password yet, a locked account) without
            // hashing; hash anyway, so they take as long as a wrong password.
            VerifyDecoy(password);
            return LoginOutcome.Refused;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded ? LoginOutcome.SignedIn : LoginOutcome.Refused;
    }

    private void VerifyDecoy(string password)
    {
        var decoy = new User { DisplayName = "" };
        _decoyHash ??= hasher.HashPassword(decoy, RandomNumberGenerator.GetHexString(32));
        hasher.VerifyHashedPassword(decoy, _decoyHash, password);
    }
}

/// <summary>How many login attempts are allowed in a sliding window (configuration section <c>Login:RateLimit</c>).</summary>
public sealed class LoginLimits
{
    /// <summary>Attempts from one client address (an IPv6 client by its /64), whatever the account: against trying
    /// many accounts. High enough for an office behind one address signing in in the morning.</summary>
    public int PerClient { get; set; } = 100;

    /// <summary>Attempts for one e-mail address, from anywhere: against guessing one account's password. Below
    /// Identity's lockout (10 wrong passwords in a row), so the limit, not the lockout, is what an attacker meets.</summary>
    public int PerAccount { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>The per-client and per-account limiters (System.Threading.RateLimiting, which ASP.NET Core's rate-limiting
/// middleware is built on). Checked in the handlers rather than by the middleware, because the account is in the
/// form or JSON body, which the middleware's partitioning cannot read.</summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _clients;
    private readonly PartitionedRateLimiter<string> _accounts;

    public LoginThrottle(IOptions<LoginLimits> options)
    {
        var limits = options.Value;
        _clients = Limiter(limits.PerClient, limits.Window);
        _accounts = Limiter(limits.PerAccount, limits.Window);
    }

    private static PartitionedRateLimiter<string> Limiter(int permits, TimeSpan window)
        => PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = window, SegmentsPerWindow = 5, QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <summary>Counts an attempt; false when the client or the account has used up its attempts.</summary>
    public bool TryAcquire(IPAddress? client, string email)
    {
        using var byClient = _clients.AttemptAcquire(ClientKey(client));
        if (!byClient.IsAcquired)
            return false;
        using var byAccount = _accounts.AttemptAcquire(email.Trim().ToUpperInvariant());
        return byAccount.IsAcquired;
    }

    /// <summary>An IPv6 client usually has a whole /64 to pick addresses from, so the /64 is the client.</summary>
    private static string ClientKey(IPAddress? address)
    {
        if (address is null)
            return "";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public void Dispose()
    {
        _clients.Dispose();
        _accounts.Dispose();
    }
}
