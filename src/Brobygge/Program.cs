using Brobygge;
using Brobygge.Api;
using Brobygge.Data;
using Brobygge.Demo;
using Brobygge.Forms;
using Brobygge.Identity;
using Brobygge.Localization;
using Brobygge.Taxonomy;
using Microsoft.AspNetCore.DataProtection;

// `brobygge <verb>` runs the command line; anything else starts the web host.
var isCommandLine = CommandLine.IsVerb(args);
var builder = WebApplication.CreateBuilder(isCommandLine ? [] : args);
if (isCommandLine)
    builder.Logging.SetMinimumLevel(LogLevel.Warning);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddBrobyggeDatabase();
builder.Services.AddDataProtection().SetApplicationName("Brobygge").PersistKeysToDbContext<BrobyggeDb>();
builder.Services.AddSingleton<IdentityNumberProtector>();
builder.Services.AddBrobyggeIdentity();
builder.Services.AddBrobyggeApi();
builder.Services.AddBrobyggeLocalization();
builder.Services.AddRazorPages(options =>
    {
        options.RootDirectory = "/"; // pages live in their feature folders
        options.Conventions.AuthorizeFolder("/").AllowAnonymousToPage("/Identity/Login").AllowAnonymousToPage("/Error");
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
builder.Services.AddBrobyggeForms();
builder.Services.AddHealthChecks().AddDbContextCheck<BrobyggeDb>();

var app = builder.Build();
if (isCommandLine)
    return await CommandLine.RunAsync(app.Services, args);

await DemoData.PrepareEmbeddedDatabaseAsync(app.Services, app.Configuration, app.Logger);

if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error");
app.UseBrobyggeApiErrors();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapRazorPages();
app.MapTaxonomySearch();
app.MapCultureSwitch();
app.MapBrobyggeApi();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
