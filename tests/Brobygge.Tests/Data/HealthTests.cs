using System.Net;
using Brobygge.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Brobygge.Tests.Fixtures;

namespace Brobygge.Tests.Data;

public abstract class HealthTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    [Fact]
    public async Task Healthz_answers_200_when_the_database_answers()
    {
        app.SkipIfUnavailable();

        var response = await app.Anonymous().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class SqliteHealthTests(SqliteApp app) : HealthTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresHealthTests(PostgresApp app) : HealthTests<PostgresApp>(app);

public sealed class UnreachableDatabaseTests
{
    private sealed class UnreachableApp(DatabaseProvider provider, string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", provider.ToString());
            builder.UseSetting("ConnectionStrings:Brobygge", connectionString);
            builder.UseSetting("Database:MigrateOnStart", "false");
            builder.UseSetting(Brobygge.Identity.KeyProtection.KeySetting, Convert.ToBase64String(new byte[Brobygge.Identity.KeyEncryptionKey.Size]));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=/nonexistent-folder/brobygge.db;Mode=ReadWrite")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Username=postgres;Timeout=2")]
    public async Task Healthz_answers_503_when_the_database_does_not(DatabaseProvider provider, string connectionString)
    {
        await using var unreachable = new UnreachableApp(provider, connectionString);

        var response = await unreachable.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
