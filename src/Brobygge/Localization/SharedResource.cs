using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Brobygge.Localization;

/// <summary>Marker for the one resource file of UI strings: keys are English, Swedish in SharedResource.sv.resx.</summary>
public sealed class SharedResource;

public static class LocalizationSetup
{
    public static readonly CultureInfo[] Cultures = [new("sv-SE"), new("en-GB")];

    /// <summary>Swedish by default (the UI language of Swedish projects); English when the user picks it.</summary>
    public static IServiceCollection AddBrobyggeLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            // Only an explicit choice changes the language; the browser's Accept-Language does not.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        // Model binding's own messages (a date that is no date, say) in the UI language too.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            var t = factory.Create(typeof(SharedResource));
            options.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, field) => t["The value '{0}' is not valid for {1}.", value, field]);
            options.ModelBindingMessageProvider.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["The value '{0}' is not valid.", value]);
            options.ModelBindingMessageProvider.SetValueMustNotBeNullAccessor(_ => t["A value is required."]);
        });
        return services;
    }

    /// <summary>POST /culture with <c>culture</c> and <c>returnUrl</c>: remembers the choice in a cookie.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder endpoints)
        => endpoints.MapPost("/culture", (HttpContext http, [FromForm] string culture, [FromForm] string? returnUrl) =>
        {
            if (!Cultures.Any(c => c.Name == culture))
                return Results.BadRequest($"Unknown culture '{culture}'.");
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().WithName(CultureSwitchRoute);

    /// <summary>The switch's route name, so the layout's form links to it by route rather than by path.</summary>
    public const string CultureSwitchRoute = "SwitchCulture";

    /// <summary>A path on this site, as <c>Url.IsLocalUrl</c> judges it: "//host" and "/\\host" lead elsewhere,
    /// so they (and anything else) go to the start page instead of an error.</summary>
    public static bool IsLocalUrl(string? url)
        => url is ['/'] || (url is ['/', var second, ..] && second is not '/' and not '\\' && !url.Any(char.IsControl));
}
