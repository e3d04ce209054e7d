using Brobygge.Data;
using Brobygge.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Brobygge.Benchmarks;

/// <summary>Brobygge's own database and Data Protection services on a benchmark's PostgreSQL database, quiet logging.</summary>
public static class BenchmarkServices
{
    public static IServiceProvider For(string connectionString)
    {
        var builder = WebApplication.CreateBuilder([]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.Configuration["Database:Provider"] = "Postgres";
        builder.Configuration["ConnectionStrings:Brobygge"] = connectionString;
        builder.Configuration[KeyProtection.KeySetting] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddBrobyggeDatabase();
        builder.Services.AddBrobyggeDataProtection();
        builder.Services.AddSingleton<IdentityNumberProtector>();
        return builder.Build().Services;
    }
}
