using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Fixtures;

/// <summary>What the command-line tests of several features share: unique names, argument edits and a count of writes.</summary>
public static class CommandLineTesting
{
    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}@test.brobygge.se";

    public static string[] Without(string[] args, string option)
    {
        var at = Array.IndexOf(args, option);
        return [.. args[..at], .. args[(at + 2)..]];
    }

    public static string[] With(string[] args, string option, string value)
    {
        var changed = args.ToArray();
        changed[Array.IndexOf(args, option) + 1] = value;
        return changed;
    }

    /// <summary>Everything the verbs write, counted, so a refused command can be shown to have written nothing.</summary>
    public static Task<(int Organisations, int Projects, int Goals, int Users, int Members)> CountWritesAsync(this BrobyggeApp app)
        => app.WithDbAsync(async (db, _) => (
            await db.Organisations.CountAsync(), await db.Projects.CountAsync(), await db.Goals.CountAsync(),
            await db.Users.CountAsync(), await db.ProjectMembers.CountAsync()));

    public static Task<int> UsersWithEmailAsync(this BrobyggeApp app, string email)
    {
        var normalized = email.ToUpperInvariant();
        return app.WithDbAsync((db, _) => db.Users.CountAsync(u => u.NormalizedEmail == normalized));
    }
}
