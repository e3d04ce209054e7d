using Brobygge.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Brobygge.Data;

/// <summary>The embedded default; migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteBrobyggeDb(DbContextOptions<SqliteBrobyggeDb> options, CurrentAccess access) : BrobyggeDb(options, access);

/// <summary>Production; migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresBrobyggeDb(DbContextOptions<PostgresBrobyggeDb> options, CurrentAccess access) : BrobyggeDb(options, access);

/// <summary>For <c>dotnet ef</c>: builds the model without configuration or a running database.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBrobyggeDb>
{
    public SqliteBrobyggeDb CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqliteBrobyggeDb>().UseSqlite("Data Source=design-time.db").Options, CurrentAccess.Of(AccessScope.System));
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBrobyggeDb>
{
    public PostgresBrobyggeDb CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgresBrobyggeDb>().UseNpgsql("Host=localhost").Options, CurrentAccess.Of(AccessScope.System));
}
