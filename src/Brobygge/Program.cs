using Brobygge;
using Brobygge.Api;
using Brobygge.Auditing;
using Brobygge.Calendar;
using Brobygge.Data;
using Brobygge.Demo;
using Brobygge.Forms;
using Brobygge.Identity;
using Brobygge.Localization;
using Brobygge.Security;
using Brobygge.Taxonomy;
using Microsoft.AspNetCore.DataProtection;

// `brobygge <verb>` (or --help) runs the command line; no arguments or web-host options start the web host.
var isCommandLine = CommandLine.IsCommandLine(args);
var builder = WebApplication.CreateBuilder(isCommandLine ? [] : args);
if (isCommandLine)
    builder.Logging.SetMinimumLevel(LogLevel.Warning);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddBrobyggeDatabase();
builder.Services.AddBrobyggeDataProtection();
builder.Services.AddSingleton<IdentityNumberProtector>();
builder.Services.AddSingleton<DemoLogins>();
builder.Services.AddBrobyggeIdentity();
builder.Services.AddBrobyggeAccessPolicies();
builder.Services.AddBrobyggeApi();
builder.Services.AddBrobyggeAudit(); // after the API: it wraps the authorization result handler
builder.Services.AddBrobyggeLocalization();
builder.Services.AddBrobyggeSecurityHeaders();
builder.Services.AddBrobyggeForms();
builder.Services.AddRazorPages(options =>
    {
        options.RootDirectory = "/"; // pages live in their feature folders
        options.Conventions.AddBrobyggePageAccess();
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
builder.Services.AddHealthChecks().AddDbContextCheck<BrobyggeDb>();

var app = builder.Build();
if (isCommandLine)
    return await CommandLine.RunAsync(app.Services, args);

await DemoData.PrepareEmbeddedDatabaseAsync(app.Services, app.Configuration, app.Logger);

app.UseBrobyggeSecurityHeaders();
if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error");
app.UseBrobyggeApiErrors();
app.UseBrobyggeStatusPages();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseBrobyggeAccounts();
app.UseBrobyggeAudit();
app.UseAntiforgery();
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapRazorPages();
app.MapTaxonomySearch();
app.MapCultureSwitch();
app.MapCalendarFeed();
app.MapBrobyggeApi();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
