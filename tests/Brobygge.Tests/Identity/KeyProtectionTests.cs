using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Organisations;
using Brobygge.Participants;
using Brobygge.Tests.Fixtures;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Brobygge.Tests.Identity;

/// <summary>Security review, defect 2: the database alone — a copy, a backup, a dump — reveals no identity number.</summary>
[Trait("Category", "Security")]
public abstract class KeyProtectionTests(DatabaseProvider provider) : IDisposable
{
    private readonly TempFolders _folders = new();

    public void Dispose()
    {
        _folders.Dispose();
        GC.SuppressFinalize(this);
    }

    private static readonly PersonalIdentityNumber Number = PersonalIdentityNumber.Parse("198010229238", new DateOnly(2026, 1, 1));

    [Fact]
    public async Task A_copy_of_the_database_without_the_key_encryption_key_decrypts_no_identity_number_nor_the_blind_index_key()
    {
        var kek = NewKeyEncryptionKey();
        var connectionString = await NewDatabaseAsync();
        string cipher, protectedIndexKey;
        await using (var app = await StartAsync(connectionString, kek))
        {
            var protector = app.Services.GetRequiredService<IdentityNumberProtector>();
            await protector.EnsureKeysAsync(CancellationToken.None);
            cipher = protector.Protect(Number);
            protectedIndexKey = await WithDbAsync(app.Services, db => db.AppSecrets.Select(s => s.ProtectedValue).SingleAsync());
            Assert.All(await KeyRingAsync(app.Services), AssertEncrypted);
        }
        var copy = await CopyDatabaseAsync(connectionString);

        using var withoutKey = DataProtectionStack(copy, keyEncryptionKey: null);
        var dataProtection = withoutKey.Services.GetRequiredService<IDataProtectionProvider>();
        Assert.ThrowsAny<CryptographicException>(() => dataProtection.CreateProtector("Brobygge.IdentityNumber").Unprotect(cipher));
        Assert.ThrowsAny<CryptographicException>(() => dataProtection.CreateProtector("Brobygge.AppSecret").Unprotect(protectedIndexKey));

        using var withKey = DataProtectionStack(copy, kek);
        Assert.Equal(Number.Value, withKey.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Brobygge.IdentityNumber").Unprotect(cipher));
    }

    [Fact]
    public async Task A_database_made_by_the_previous_version_has_its_keys_encrypted_on_start_and_its_identity_numbers_still_read_and_found()
    {
        var connectionString = await NewDatabaseAsync();
        Guid personId;
        string cipher, clearMasterKey;
        // The previous version: Data Protection's keys in the database without an encryptor.
        using (var previous = DataProtectionStack(connectionString, keyEncryptionKey: null))
        {
            await WithDbAsync(previous.Services, db => db.Database.MigrateAsync());
            var previousProtector = previous.Services.GetRequiredService<IdentityNumberProtector>();
            await previousProtector.EnsureKeysAsync(CancellationToken.None);
            cipher = previousProtector.Protect(Number);
            var index = await previousProtector.IndexAsync(Number);
            personId = await WithDbAsync(previous.Services, async db =>
            {
                var organisation = new Organisation { Name = "Org " + Guid.NewGuid().ToString("N")[..8] };
                var person = new Person { OrganisationId = organisation.Id, FirstName = "Amal", LastName = "Test", BirthDate = Number.BirthDate, IdentityNumberCipher = cipher, IdentityNumberIndex = index };
                db.Organisations.Add(organisation);
                db.Persons.Add(person);
                await db.SaveChangesAsync();
                return person.Id;
            });
            var keyRing = Assert.Single(await KeyRingAsync(previous.Services));
            clearMasterKey = XElement.Parse(keyRing).Descendants("masterKey").Single().Element("value")!.Value;
        }

        await using var app = await StartAsync(connectionString, NewKeyEncryptionKey());

        var entries = await KeyRingAsync(app.Services);
        Assert.NotEmpty(entries);
        Assert.All(entries, AssertEncrypted);
        Assert.DoesNotContain(entries, entry => entry.Contains(clearMasterKey, StringComparison.Ordinal));
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = await File.ReadAllBytesAsync(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource);
            Assert.Equal(-1, file.AsSpan().IndexOf(Encoding.ASCII.GetBytes(clearMasterKey)));
        }
        var protector = app.Services.GetRequiredService<IdentityNumberProtector>();
        Assert.Equal(Number.Value, protector.Unprotect(cipher));
        var found = await protector.IndexAsync(Number);
        Assert.Equal(personId, Assert.Single(await WithDbAsync(app.Services, db => db.Persons.Where(p => p.IdentityNumberIndex == found).Select(p => p.Id).ToListAsync())));
    }

    private static void AssertEncrypted(string entry)
    {
        Assert.Contains("encryptedSecret", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", entry, StringComparison.Ordinal);
    }

    private async Task<string> NewDatabaseAsync()
        => provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(_folders.New("brobygge-keys-"), "brobygge.db")};Pooling=false"
            : await PostgresServer.CreateDatabaseAsync();

    /// <summary>A file copy of SQLite; for PostgreSQL a new database made from this one, as a restored dump would be.</summary>
    private async Task<string> CopyDatabaseAsync(string connectionString)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            var copy = Path.Combine(_folders.New("brobygge-keys-copy-"), "brobygge.db");
            File.Copy(source, copy);
            return $"Data Source={copy};Pooling=false";
        }
        var original = new NpgsqlConnectionStringBuilder(connectionString);
        var name = original.Database + "_copy";
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {original.Database}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString;
    }

    private async Task<KeyApp> StartAsync(string connectionString, string keyEncryptionKey)
    {
        var app = new KeyApp(provider, connectionString, keyEncryptionKey);
        _ = app.Services; // starting migrates SQLite, which encrypts what an earlier version left in clear
        if (provider == DatabaseProvider.Postgres)
            await DatabaseSetup.MigrateAsync(app.Services); // PostgreSQL's `migrate`, as in production
        return app;
    }

    /// <summary>Data Protection over the database and nothing else: as the previous version had it (no key-encryption
    /// key), or with Brobygge's key protection and the given key.</summary>
    private IHost DataProtectionStack(string connectionString, string? keyEncryptionKey)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Brobygge"] = connectionString,
            [KeyProtection.KeySetting] = keyEncryptionKey,
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddBrobyggeDatabase();
        if (keyEncryptionKey is null)
            builder.Services.AddDataProtection().SetApplicationName("Brobygge").PersistKeysToDbContext<BrobyggeDb>();
        else
            builder.Services.AddBrobyggeDataProtection();
        builder.Services.AddSingleton<IdentityNumberProtector>();
        return builder.Build();
    }

    private static async Task<List<string>> KeyRingAsync(IServiceProvider services)
        => await WithDbAsync(services, db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());

    private static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<BrobyggeDb, Task<T>> work)
    {
        await using var scope = services.CreateSystemScope();
        return await work(scope.ServiceProvider.GetRequiredService<BrobyggeDb>());
    }

    private static async Task WithDbAsync(IServiceProvider services, Func<BrobyggeDb, Task> work)
        => await WithDbAsync(services, async db => { await work(db); return 0; });

    internal static string NewKeyEncryptionKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyEncryptionKey.Size));
}

public sealed class SqliteKeyProtectionTests() : KeyProtectionTests(DatabaseProvider.Sqlite);

[Trait("Category", "Postgres")]
public sealed class PostgresKeyProtectionTests() : KeyProtectionTests(DatabaseProvider.Postgres);

/// <summary>Which databases need a configured key-encryption key, and what the program says without one.</summary>
[Trait("Category", "Security")]
public sealed class KeyEncryptionKeyRequirementTests : IDisposable
{
    private readonly TempFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    private const string UnreachablePostgres = "Host=127.0.0.1;Port=1;Username=postgres;Timeout=2";

    [Fact]
    public void The_web_host_on_PostgreSQL_without_a_key_encryption_key_refuses_to_start_and_names_the_setting()
    {
        using var app = new KeyApp(DatabaseProvider.Postgres, UnreachablePostgres, keyEncryptionKey: null);

        var refusal = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Privacy:KeyEncryptionKey is not set", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Privacy__KeyEncryptionKey", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_on_PostgreSQL_without_a_key_encryption_key_says_so_as_an_error_and_exits_1()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _folders.New("brobygge-keys-cli-"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Brobygge.dll"), "migrate" })
            start.ArgumentList.Add(argument);
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Brobygge"] = UnreachablePostgres;
        start.Environment.Remove("Privacy__KeyEncryptionKey");
        start.Environment.Remove("Privacy__KeyEncryptionKeyFile");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("error: Privacy:KeyEncryptionKey is not set", error, StringComparison.Ordinal);
        Assert.DoesNotContain("up to date", await output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_SQLite_database_named_by_a_connection_string_needs_the_key_too_and_is_not_touched_without_it()
    {
        var file = Path.Combine(_folders.New("brobygge-keys-"), "brobygge.db");
        using var app = new KeyApp(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=false", keyEncryptionKey: null);

        var refusal = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Privacy:KeyEncryptionKey is not set", refusal.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(file), "the database file was made without a key-encryption key");
    }

    [Fact]
    public async Task The_embedded_database_makes_its_own_key_file_beside_it_readable_by_its_owner_only_and_says_so()
    {
        var contentRoot = _folders.New("brobygge-keys-embedded-");
        var keyFile = Path.Combine(contentRoot, "data", "brobygge.key");
        string cipher;
        await using (var first = new KeyApp(DatabaseProvider.Sqlite, connectionString: null, keyEncryptionKey: null, contentRoot))
        {
            var protector = first.Services.GetRequiredService<IdentityNumberProtector>();
            cipher = protector.Protect(PersonalIdentityNumber.Parse("198010229238", new DateOnly(2026, 1, 1)));

            Assert.True(File.Exists(keyFile));
            Assert.True(File.Exists(Path.Combine(contentRoot, "data", "brobygge.db")));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            Assert.Contains(first.Log, entry => entry.Level == LogLevel.Warning && entry.Message.Contains($"Made a key-encryption key for the embedded database in {keyFile}", StringComparison.Ordinal));
            await using var scope = first.Services.CreateSystemScope();
            Assert.All(await scope.ServiceProvider.GetRequiredService<BrobyggeDb>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync(),
                entry => Assert.Contains("encryptedSecret", entry, StringComparison.Ordinal));
        }
        var key = await File.ReadAllTextAsync(keyFile);

        await using var second = new KeyApp(DatabaseProvider.Sqlite, connectionString: null, keyEncryptionKey: null, contentRoot);
        Assert.Equal("198010229238", second.Services.GetRequiredService<IdentityNumberProtector>().Unprotect(cipher));
        Assert.Equal(key, await File.ReadAllTextAsync(keyFile));
        Assert.Contains(second.Log, entry => entry.Message.Contains($"encrypted with the key in {keyFile}", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Log, entry => entry.Message.StartsWith("Made a key-encryption key", StringComparison.Ordinal));
    }

    [Fact]
    public void A_database_whose_keys_another_key_encryption_key_encrypted_refuses_to_start_and_keeps_its_key_ring()
    {
        var file = Path.Combine(_folders.New("brobygge-keys-"), "brobygge.db");
        var connectionString = $"Data Source={file};Pooling=false";
        using (var first = new KeyApp(DatabaseProvider.Sqlite, connectionString, KeyProtectionTests.NewKeyEncryptionKey()))
            first.Services.GetRequiredService<IdentityNumberProtector>().Protect(PersonalIdentityNumber.Parse("198010229238", new DateOnly(2026, 1, 1)));
        var keyRing = KeyRing(connectionString);

        using var second = new KeyApp(DatabaseProvider.Sqlite, connectionString, KeyProtectionTests.NewKeyEncryptionKey());
        var refusal = Assert.ThrowsAny<Exception>(() => second.Services);

        Assert.Contains("encrypted with the key-encryption key", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Privacy:KeyEncryptionKey", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(keyRing, KeyRing(connectionString));
    }

    [Fact]
    public async Task A_configured_blind_index_key_is_used_and_none_is_kept_in_the_database()
    {
        var file = Path.Combine(_folders.New("brobygge-keys-"), "brobygge.db");
        var indexKey = RandomNumberGenerator.GetBytes(32);
        await using var app = new KeyApp(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=false", KeyProtectionTests.NewKeyEncryptionKey(), blindIndexKey: Convert.ToBase64String(indexKey));
        var number = PersonalIdentityNumber.Parse("198010229238", new DateOnly(2026, 1, 1));

        var index = await app.Services.GetRequiredService<IdentityNumberProtector>().IndexAsync(number);

        Assert.Equal(Convert.ToHexString(HMACSHA256.HashData(indexKey, Encoding.ASCII.GetBytes(number.Value))), index);
        await using var scope = app.Services.CreateSystemScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<BrobyggeDb>().AppSecrets.CountAsync());
    }

    private static List<string> KeyRing(string connectionString)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Xml\" FROM \"DataProtectionKeys\" ORDER BY \"Id\"";
        using var reader = command.ExecuteReader();
        var entries = new List<string>();
        while (reader.Read())
            entries.Add(reader.GetString(0));
        return entries;
    }
}

/// <summary>Temporary folders a test makes, removed when it ends.</summary>
internal sealed class TempFolders : IDisposable
{
    private readonly List<string> _made = [];

    public string New(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        _made.Add(folder);
        return folder;
    }

    public void Dispose()
    {
        foreach (var folder in _made)
            Directory.Delete(folder, recursive: true);
    }
}

/// <summary>The program with only the settings a test names: no connection string means the embedded default.</summary>
internal sealed class KeyApp(DatabaseProvider provider, string? connectionString, string? keyEncryptionKey, string? contentRoot = null, string? blindIndexKey = null) : WebApplicationFactory<Program>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (blindIndexKey is not null)
            builder.UseSetting("Privacy:BlindIndexKey", blindIndexKey);
        if (contentRoot is not null)
            builder.UseContentRoot(contentRoot);
        builder.UseSetting("Database:Provider", provider.ToString());
        if (connectionString is not null)
            builder.UseSetting("ConnectionStrings:Brobygge", connectionString);
        builder.UseSetting("Database:SeedDemo", "false");
        if (keyEncryptionKey is not null)
            builder.UseSetting(KeyProtection.KeySetting, keyEncryptionKey);
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Log)));
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<(LogLevel, string)> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(log);
        public void Dispose() { }
    }

    private sealed class CapturingLogger(ConcurrentQueue<(LogLevel, string)> log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => log.Enqueue((logLevel, formatter(state, exception)));
    }
}
