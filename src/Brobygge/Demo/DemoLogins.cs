using System.Data.Common;
using Brobygge.Data;
using Brobygge.Identity;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Demo;

/// <summary>
/// Whether the database holds the demo logins, whose password the README prints: while it does, every page says
/// it is a demo. Asked once per app start (by the first page) and set after seeding, not per request; a
/// <c>seed-demo</c> run by another process shows from that app's next start.
/// </summary>
public sealed class DemoLogins(IServiceScopeFactory scopes, ILogger<DemoLogins> logger)
{
    private static readonly string[] NormalizedEmails = [.. DemoData.Logins.Select(login => login.Email.ToUpperInvariant())];

    private Task<bool>? _exist;

    public async Task<bool> ExistAsync()
    {
        var check = _exist ??= CheckAsync();
        try
        {
            return await check;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The page still renders (an error page, say); the next page asks again.
            _exist = null;
            logger.LogWarning(e, "Could not check the database for demo logins.");
            return false;
        }
    }

    /// <summary>The demo logins were just added.</summary>
    public void Seeded() => _exist = Task.FromResult(true);

    private async Task<bool> CheckAsync()
    {
        // Who has which login is the system's business, not the reader's: the banner is the same for everyone.
        await using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<BrobyggeDb>();
        return await db.Users.AnyAsync(u => NormalizedEmails.Contains(u.NormalizedEmail));
    }
}
