using Brobygge.Identity;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Chooses the provider from <c>Database:Provider</c> and the connection from <c>ConnectionStrings:Brobygge</c>.</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider ProviderOf(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name))
            return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider is '{name}'; it must be 'Sqlite' or 'Postgres'.");
    }

    /// <summary>No connection string: the embedded SQLite default, data/brobygge.db under the content root, which a
    /// fresh clone makes for itself. Only this database gets demo data on start.</summary>
    public static bool UsesEmbeddedDefault(IConfiguration configuration)
        => string.IsNullOrWhiteSpace(configuration.GetConnectionString("Brobygge")) && ProviderOf(configuration) == DatabaseProvider.Sqlite;

    /// <summary>With no connection string, SQLite uses data/brobygge.db under the content root, so a fresh
    /// clone needs nothing installed.</summary>
    public static string ConnectionStringOf(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("Brobygge");
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        if (ProviderOf(configuration) == DatabaseProvider.Postgres)
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Brobygge is not set.");
        var folder = Path.Combine(environment.ContentRootPath, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "brobygge.db")}";
    }

    public static IServiceCollection AddBrobyggeDatabase(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentAccess>();

        services.AddDbContext<SqliteBrobyggeDb>((sp, options) =>
            options.UseSqlite(ConnectionStringOf(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>())));
        services.AddDbContext<PostgresBrobyggeDb>((sp, options) =>
            options.UseNpgsql(ConnectionStringOf(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>())));
        services.AddScoped<BrobyggeDb>(sp => ProviderOf(sp.GetRequiredService<IConfiguration>()) switch
        {
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresBrobyggeDb>(),
            _ => sp.GetRequiredService<SqliteBrobyggeDb>(),
        });
        return services;
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<BrobyggeDb>();
        await db.Database.MigrateAsync(cancellationToken);
        await KeyProtection.EncryptStoredKeysAsync(services, cancellationToken);
    }
}
