using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Calendar;

/// <summary>
/// A staff member's appointments and follow-ups as an iCalendar feed (RFC 5545) a calendar app subscribes to without a
/// cookie. The secret in its address is the credential, treated like a password: 256 random bits, shown once, kept only
/// as its SHA-256 hash (in Identity's user-token table, so no table of its own), replaced or revoked by its owner,
/// audited when made, revoked and read. The feed opens only while the account is enabled, reads with the owner's own
/// access scope, and holds as little personal data as serves: the kind of appointment and the participant's reference,
/// never a name, since a subscribed calendar is copied to the app's cloud.
/// </summary>
public static class CalendarFeed
{
    public const string Provider = "Brobygge:CalendarFeed";

    /// <summary>Past items stay a week, so a missed meeting is still there; the feed looks eight weeks ahead.</summary>
    public const int DaysBack = 7, DaysAhead = 56;

    /// <summary>Makes a new secret for the user, replacing any earlier one (whose address stops working), and returns
    /// it: the only time it is seen.</summary>
    public static async Task<string> CreateAsync(BrobyggeDb db, AuditLog audit, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider).ToListAsync(cancellationToken));
        db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = userId, LoginProvider = Provider, Name = Hash(secret), Value = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(db.Scope, AuditAction.Create, "CalendarFeed", userId, shownIds: null, cancellationToken);
        return secret;
    }

    /// <summary>When the user's feed was made, or null when they have none.</summary>
    public static async Task<DateTime?> CreatedAsync(BrobyggeDb db, Guid userId, CancellationToken cancellationToken)
    {
        var value = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider).Select(t => t.Value).FirstOrDefaultAsync(cancellationToken);
        return value is not null && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var made) ? made : null;
    }

    public static async Task RevokeAsync(BrobyggeDb db, AuditLog audit, Guid userId, CancellationToken cancellationToken)
    {
        var tokens = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider).ToListAsync(cancellationToken);
        if (tokens.Count == 0)
            return;
        db.UserTokens.RemoveRange(tokens);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(db.Scope, AuditAction.Delete, "CalendarFeed", userId, shownIds: null, cancellationToken);
    }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        // Anonymous: a calendar app sends no cookie; the secret in the address is the credential.
        app.MapGet("/calendar/{secret}.ics", ServeAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeAsync(string secret, HttpContext http, BrobyggeDb db, UserManager<User> users, SignInManager<User> signIn,
        AuditLog audit, TimeProvider time, IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        var hash = Hash(secret);
        var userId = await db.UserTokens.Where(t => t.LoginProvider == Provider && t.Name == hash).Select(t => (Guid?)t.UserId).FirstOrDefaultAsync(cancellationToken);
        if (userId is null || await users.FindByIdAsync(userId.Value.ToString()) is not { } user
            || AccountStatus.IsDisabled(user) || await users.IsLockedOutAsync(user))
            return Results.NotFound();
        // From here the request reads as the feed's owner, with their scope: the query filters decide what is shown.
        http.User = await signIn.CreateUserPrincipalAsync(user);
        if (!db.Scope.SeesAssignedParticipants || db.Scope.UserId != user.Id)
            return Results.NotFound();
        var today = time.Today();
        var items = await Agenda.ForAsync(db, user.Id, today.AddDays(-DaysBack), today.AddDays(DaysAhead), cancellationToken);
        await db.RecordListReadAsync(items.Select(i => i.PersonId), cancellationToken);
        var t = localizers.Create(typeof(SharedResource));
        var calendar = Write(items, t, time.GetUtcNow(), $"{http.Request.Scheme}://{http.Request.Host}");
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(calendar, "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The iCalendar text: an all-day event for a follow-up or an appointment without a time, an hour from its
    /// start (in Swedish time, written as UTC) for one with a time.</summary>
    public static string Write(IEnumerable<AgendaItem> items, IStringLocalizer t, DateTimeOffset now, string site)
    {
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var text = new StringBuilder();
        void Line(string line)
        {
            // Lines are folded at 75 octets (RFC 5545, 3.1); the texts here are ASCII or short.
            while (Encoding.UTF8.GetByteCount(line) > 75)
            {
                var cut = 74;
                while (Encoding.UTF8.GetByteCount(line[..cut]) > 74)
                    cut--;
                text.Append(line[..cut]).Append("\r\n");
                line = " " + line[cut..];
            }
            text.Append(line).Append("\r\n");
        }
        string Utc(DateTime instant) => instant.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Brobygge//Calendar feed//SV");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:Brobygge");
        foreach (var item in items)
        {
            var what = item.Activity is { } activity ? t.Name(activity) : t["Follow-up"] + ": " + t.Name(item.FollowUp!.Value);
            Line("BEGIN:VEVENT");
            Line($"UID:{item.RecordId}@brobygge");
            Line($"DTSTAMP:{Utc(now.UtcDateTime)}");
            if (item.StartsAt is { } at)
            {
                var local = item.Date.ToDateTime(at, DateTimeKind.Unspecified);
                var start = TimeZoneInfo.ConvertTimeToUtc(local, stockholm);
                Line($"DTSTART:{Utc(start)}");
                Line($"DTEND:{Utc(start.AddHours(1))}");
            }
            else
            {
                Line($"DTSTART;VALUE=DATE:{Date(item.Date)}");
                Line($"DTEND;VALUE=DATE:{Date(item.Date.AddDays(1))}");
            }
            Line($"SUMMARY:{Escape($"{what} – {item.Reference}")}");
            Line($"URL:{site}/Participants/Details/{item.PersonId}");
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return text.ToString();
    }

    private static string Escape(string value)
        => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
