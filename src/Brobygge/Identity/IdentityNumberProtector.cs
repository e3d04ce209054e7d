using System.Security.Cryptography;
using System.Text;
using Brobygge.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Identity;

/// <summary>
/// Identity numbers are encrypted at rest and found through a keyed hash, a blind index
/// (PRODUCT.md, "Privacy and security"). The hash key is made once per installation and kept in the
/// database, protected by Data Protection, unless <c>Privacy:BlindIndexKey</c> (base64) supplies it.
/// </summary>
public sealed class IdentityNumberProtector(IDataProtectionProvider dataProtection, IServiceScopeFactory scopes, IConfiguration configuration) : IDisposable
{
    private const string KeyName = "blind-index-key";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Brobygge.IdentityNumber");
    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _indexKey;

    public void Dispose() => _loading.Dispose();

    /// <summary>Makes the keys before a caller opens a transaction: SQLite would lock their write out.</summary>
    public async Task EnsureKeysAsync(CancellationToken cancellationToken)
    {
        _protector.Unprotect(_protector.Protect("warm-up"));
        _indexKey ??= await LoadKeyAsync(cancellationToken);
    }

    public string Protect(PersonalIdentityNumber number) => _protector.Protect(number.Value);

    public string Unprotect(string cipher) => _protector.Unprotect(cipher);

    /// <summary>An LMA number is protected like an identity number; its index is keyed the same way but over
    /// "LMA:" and the digits, so it can never equal an identity number's.</summary>
    public string Protect(LmaNumber number) => _protector.Protect(number.Value);

    public async Task<string> IndexAsync(LmaNumber number, CancellationToken cancellationToken = default)
    {
        var key = _indexKey ?? await LoadKeyAsync(cancellationToken);
        return Convert.ToHexString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes("LMA:" + number.Digits)));
    }

    /// <summary>The identity number a person's cipher holds, written YYYYMMDD-NNNC, or null without one: for a user
    /// who may see the person.</summary>
    public string? Reveal(string? cipher) => cipher is null ? null : PersonalIdentityNumber.Written(Unprotect(cipher));

    public async Task<string> IndexAsync(PersonalIdentityNumber number, CancellationToken cancellationToken = default)
    {
        var key = _indexKey ?? await LoadKeyAsync(cancellationToken);
        return Convert.ToHexString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(number.Value)));
    }

    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_indexKey is not null)
                return _indexKey;
            if (configuration["Privacy:BlindIndexKey"] is { Length: > 0 } configured)
                return _indexKey = Convert.FromBase64String(configured);

            await using var scope = scopes.CreateSystemScope();
            var db = scope.ServiceProvider.GetRequiredService<BrobyggeDb>();
            var secrets = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Brobygge.AppSecret");
            var stored = await db.AppSecrets.AsNoTracking().SingleOrDefaultAsync(s => s.Name == KeyName, cancellationToken);
            if (stored is null)
            {
                var fresh = RandomNumberGenerator.GetBytes(32);
                db.AppSecrets.Add(new AppSecret { Name = KeyName, ProtectedValue = secrets.Protect(Convert.ToBase64String(fresh)) });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return _indexKey = fresh;
                }
                catch (DbUpdateException)
                {
                    // Another node made the key first: use theirs.
                    db.ChangeTracker.Clear();
                    stored = await db.AppSecrets.AsNoTracking().SingleAsync(s => s.Name == KeyName, cancellationToken);
                }
            }
            return _indexKey = Convert.FromBase64String(secrets.Unprotect(stored.ProtectedValue));
        }
        finally
        {
            _loading.Release();
        }
    }
}
