using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Brobygge.Data;

/// <summary>
/// A save refused by a unique index, on either provider. The checks before a save cannot see a row another request
/// commits a moment later; the index can, and its refusal is turned into the same answer the check gives (a
/// problem naming the field, or a conflict), never a 500.
/// </summary>
public static class UniqueViolations
{
    /// <summary>True when the save broke a unique index: SQLite's SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY
    /// (1555), PostgreSQL's unique_violation (23505).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>True when the save broke the unique index of <typeparamref name="T"/> over exactly these properties,
    /// written as in <c>HasIndex</c>: <c>e =&gt; new { e.ProjectId, e.Reference }</c>.</summary>
    public static bool IsUniqueViolation<T>(this DbUpdateException exception, DbContext db, Expression<Func<T, object?>> properties)
    {
        if (!exception.IsUniqueViolation())
            return false;
        var names = properties.Body switch
        {
            NewExpression create => create.Members!.Select(m => m.Name).ToList(),
            UnaryExpression { Operand: MemberExpression member } => [member.Member.Name],
            MemberExpression member => [member.Member.Name],
            _ => throw new ArgumentException("Name the properties as HasIndex does: e => new { e.A, e.B }.", nameof(properties)),
        };
        var index = db.Model.FindEntityType(typeof(T))!.GetIndexes()
            .Single(i => i.IsUnique && i.Properties.Select(p => p.Name).SequenceEqual(names))
            .GetMappedTableIndexes().Single();
        return exception.InnerException switch
        {
            PostgresException postgres => postgres.ConstraintName == index.Name,
            // SQLite names the columns instead: "UNIQUE constraint failed: Enrolments.ProjectId, Enrolments.Reference".
            SqliteException sqlite => FailedColumns(sqlite.Message).SequenceEqual(index.Columns.Select(c => $"{index.Table.Name}.{c.Name}")),
            _ => false,
        };
    }

    private static string[] FailedColumns(string message)
    {
        const string failed = "UNIQUE constraint failed: ";
        var start = message.IndexOf(failed, StringComparison.Ordinal);
        if (start < 0)
            return [];
        var columns = message[(start + failed.Length)..];
        var end = columns.IndexOf('\'', StringComparison.Ordinal);
        return (end < 0 ? columns : columns[..end]).Split(", ", StringSplitOptions.TrimEntries);
    }
}
