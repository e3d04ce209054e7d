using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Brobygge.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Brobygge.Identity;

/// <summary>
/// Data Protection for Brobygge. The key ring lives in the database, so that several app nodes share it, and
/// every key in it is encrypted with a key-encryption key that never enters the database
/// (<see cref="KeyEncryptionKey"/>): a copy of the database, a backup or a dump alone decrypts no identity
/// number and reveals no blind-index key (that key is kept in AppSecrets, protected by this key ring).
/// </summary>
public static class KeyProtection
{
    public const string KeySetting = "Privacy:KeyEncryptionKey";
    public const string KeyFileSetting = "Privacy:KeyEncryptionKeyFile";

    public static IServiceCollection AddBrobyggeDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Brobygge").PersistKeysToDbContext<BrobyggeDb>();
        // Read from configuration when first needed, not here, so tests set configuration as production does.
        services.AddSingleton<KeyEncryptionKey>(KeyEncryptionKey.Load);
        services.AddOptions<KeyManagementOptions>()
            .Configure<KeyEncryptionKey>((options, key) => options.XmlEncryptor = new KeyRingEncryptor(key))
            .ValidateOnStart(); // so the web host refuses to start without the key, before it serves anyone
        // The command line never starts the host: each database context asks for the key, so no verb works on
        // a database whose keys it could not protect.
        services.ConfigureDbContext<SqliteBrobyggeDb>((sp, _) => sp.GetRequiredService<KeyEncryptionKey>());
        services.ConfigureDbContext<PostgresBrobyggeDb>((sp, _) => sp.GetRequiredService<KeyEncryptionKey>());
        return services;
    }

    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    /// <summary>
    /// Encrypts the key-ring entries that a version before the key-encryption key stored in clear (they carry
    /// Data Protection's <c>requiresEncryption</c> mark), in place, so the keys and everything protected with them
    /// keep working; and refuses a key ring encrypted with another key-encryption key, which Data Protection would
    /// silently replace with new keys, leaving every stored identity number unreadable. Runs with <c>migrate</c>
    /// and the embedded database's start.
    /// </summary>
    public static async Task<int> EncryptStoredKeysAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configured = services.GetRequiredService<KeyEncryptionKey>();
        var encryptor = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlEncryptor
            ?? throw new InvalidOperationException("Data Protection has no key encryptor: call AddBrobyggeDataProtection.");
        await using var scope = services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<BrobyggeDb>();
        var encrypted = 0;
        foreach (var entry in await db.DataProtectionKeys.ToListAsync(cancellationToken))
        {
            if (entry.Xml is null)
                continue;
            var key = XElement.Parse(entry.Xml);
            if (key.Descendants("encryptedKey").Select(e => (string?)e.Attribute("keyEncryptionKey")).FirstOrDefault(id => id is not null && id != configured.Id) is { } other)
                throw new CommandLineException(
                    $"The Data Protection keys in this database are encrypted with the key-encryption key {other}, but the configured one "
                    + $"({KeySetting}, {KeyFileSetting} or the embedded database's data/brobygge.key) is {configured.Id}. Configure the key "
                    + "this database was encrypted with: with another, its identity numbers cannot be read.");
            var secrets = key.Descendants().Where(RequiresEncryption).Where(e => !e.Ancestors().Any(RequiresEncryption)).ToList();
            if (secrets.Count == 0)
                continue;
            // The same shape Data Protection writes for a key it encrypts itself, so it reads these alike.
            foreach (var secret in secrets)
            {
                var info = encryptor.Encrypt(new XElement(secret));
                secret.ReplaceWith(new XElement(DataProtection + "encryptedSecret",
                    new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement));
            }
            entry.Xml = key.ToString(SaveOptions.DisableFormatting);
            encrypted++;
        }
        if (encrypted == 0)
            return 0;
        await db.SaveChangesAsync(cancellationToken);

        // An update leaves the old row's bytes behind (SQLite's free pages, PostgreSQL's dead tuples) until the
        // table is rewritten: rewrite it, so a copy of the files made from now on holds no key in clear.
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM FULL \"DataProtectionKeys\"" : "VACUUM", cancellationToken);
        return encrypted;
    }

    private static bool RequiresEncryption(XElement element) => (bool?)element.Attribute(DataProtection + "requiresEncryption") == true;
}

/// <summary>
/// The key that encrypts the Data Protection key ring at rest (AES-256-GCM): from <c>Privacy:KeyEncryptionKey</c>
/// (base64, 32 bytes), from the file named by <c>Privacy:KeyEncryptionKeyFile</c>, or — for the embedded SQLite
/// default only — from data/brobygge.key beside its database, made on first start. Any database named by a
/// connection string (PostgreSQL or SQLite) holds real data, so there the key must be configured.
/// </summary>
public sealed partial class KeyEncryptionKey
{
    private readonly byte[] _key;

    private KeyEncryptionKey(byte[] key)
    {
        _key = key;
        Id = Convert.ToHexString(SHA256.HashData(key))[..16];
    }

    /// <summary>Names the key in each entry it encrypts (a hash; it reveals nothing of the key), so an entry
    /// encrypted with another key is told apart from a damaged one.</summary>
    public string Id { get; }

    internal ReadOnlySpan<byte> Bytes => _key;

    public const int Size = 32;

    internal static KeyEncryptionKey Load(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (configuration[KeyProtection.KeySetting] is { Length: > 0 } configured)
            return Parse(configured, KeyProtection.KeySetting);
        if (configuration[KeyProtection.KeyFileSetting] is { Length: > 0 } path)
            return File.Exists(path)
                ? Parse(File.ReadAllText(path).Trim(), $"{KeyProtection.KeyFileSetting} ({path})")
                : throw new CommandLineException($"{KeyProtection.KeyFileSetting} names {path}, which does not exist.");

        var provider = DatabaseSetup.ProviderOf(configuration);
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Brobygge")))
            return OfEmbeddedDatabase(services.GetRequiredService<IHostEnvironment>(), services.GetRequiredService<ILogger<KeyEncryptionKey>>());

        // A CommandLineException, so a verb says it as `error: …` and exits 1; the web host fails to start with it.
        throw new CommandLineException(
            $"{KeyProtection.KeySetting} is not set. It encrypts the Data Protection keys kept in the {provider} database, so that a copy "
            + "of the database reveals no identity number, and Brobygge does not run on a database named by ConnectionStrings:Brobygge "
            + $"without it. Set {KeyProtection.KeySetting} (environment variable Privacy__KeyEncryptionKey) to 32 random bytes in base64, "
            + $"e.g. from `openssl rand -base64 32`, or {KeyProtection.KeyFileSetting} to a file that holds them; keep it apart from the "
            + "database and its backups.");
    }

    private static KeyEncryptionKey Parse(string base64, string source)
    {
        var key = new byte[Size];
        return Convert.TryFromBase64String(base64, key, out var length) && length == Size
            ? new KeyEncryptionKey(key)
            : throw new CommandLineException($"{source} must be {Size} bytes in base64 (e.g. from `openssl rand -base64 32`).");
    }

    /// <summary>The embedded database's own key: data/brobygge.key beside data/brobygge.db, readable by its owner only.</summary>
    private static KeyEncryptionKey OfEmbeddedDatabase(IHostEnvironment environment, ILogger logger)
    {
        var folder = Path.Combine(environment.ContentRootPath, "data");
        var path = Path.Combine(folder, "brobygge.key");
        Directory.CreateDirectory(folder);
        if (!File.Exists(path))
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using (var file = new StreamWriter(path, Encoding.ASCII, options))
                    file.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(Size)));
                MadeEmbeddedKey(logger, path, KeyProtection.KeySetting);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process made it first: use theirs.
            }
        }
        else
        {
            UsesEmbeddedKey(logger, path);
        }
        return Parse(File.ReadAllText(path).Trim(), path);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Made a key-encryption key for the embedded database in {Path}. It encrypts the Data Protection keys in "
        + "the database: keep it, apart from copies of the database; without it the stored identity numbers cannot be read. "
        + "A database named by a connection string needs {Setting} instead.")]
    private static partial void MadeEmbeddedKey(ILogger logger, string path, string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "The embedded database's Data Protection keys are encrypted with the key in {Path}.")]
    private static partial void UsesEmbeddedKey(ILogger logger, string path);
}

/// <summary>
/// Encrypts a key-ring entry with AES-256-GCM under the <see cref="KeyEncryptionKey"/>. Data Protection stores
/// the decryptor's type name in every entry and makes it with the app's services, so
/// <see cref="KeyRingDecryptor"/> must keep its name and namespace, or existing key rings stop opening.
/// </summary>
internal sealed class KeyRingEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    // Binds each ciphertext to this use, so it cannot be passed off as some other AES-GCM message of ours.
    internal static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes("Brobygge Data Protection key ring");
    internal const int NonceSize = 12;
    internal const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce); // random 96-bit nonces: safe far beyond the few keys a ring ever holds
        using (var aes = new AesGcm(key.Bytes, TagSize))
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), AssociatedData);
        CryptographicOperations.ZeroMemory(plaintext);

        var element = new XElement("encryptedKey",
            new XComment($" Encrypted with AES-256-GCM under the key-encryption key {key.Id} ({KeyProtection.KeySetting}). "),
            new XAttribute("keyEncryptionKey", key.Id),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>Opens what <see cref="KeyRingEncryptor"/> sealed. Made by Data Protection from the type name in the entry.</summary>
internal sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetService<KeyEncryptionKey>()
            ?? throw new CryptographicException($"This key-ring entry is encrypted with a key-encryption key ({KeyProtection.KeySetting}), and none is configured.");
        var keyId = (string?)encryptedElement.Attribute("keyEncryptionKey");
        if (keyId != key.Id)
            throw new CryptographicException($"This key-ring entry is encrypted with the key-encryption key {keyId}, but the configured one ({KeyProtection.KeySetting}) is {key.Id}.");

        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var cipherLength = sealedBytes.Length - KeyRingEncryptor.NonceSize - KeyRingEncryptor.TagSize;
        if (cipherLength < 0)
            throw new CryptographicException("This key-ring entry is damaged: its encrypted value is too short.");
        var plaintext = new byte[cipherLength];
        try
        {
            using (var aes = new AesGcm(key.Bytes, KeyRingEncryptor.TagSize))
                aes.Decrypt(sealedBytes.AsSpan(0, KeyRingEncryptor.NonceSize), sealedBytes.AsSpan(KeyRingEncryptor.NonceSize, cipherLength),
                    sealedBytes.AsSpan(KeyRingEncryptor.NonceSize + cipherLength), plaintext, KeyRingEncryptor.AssociatedData);
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
