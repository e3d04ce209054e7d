using System.Reflection;
using System.Text.RegularExpressions;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge.Tests.Forms;

/// <summary>
/// Every form page is written one way: a page model straight on <see cref="PageModel"/> that is an
/// <see cref="IFormPage"/> (so 404s and conflicts are handled in one place), typed results, route and query values
/// bound rather than read by hand, and every field drawn by the <see cref="FieldTagHelper"/>. Each check is first shown
/// to catch a page written the old way, so it cannot pass for want of looking.
/// </summary>
public sealed partial class OneFormPatternTests
{
    private static readonly Assembly App = typeof(IFormPage).Assembly;

    /// <summary>What is wrong with a page model, or nothing.</summary>
    private static IEnumerable<string> Faults(Type page)
    {
        var handlers = page.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name.StartsWith("On", StringComparison.Ordinal) && !m.IsSpecialName).ToList();
        var takesPosts = handlers.Any(m => Regex.IsMatch(m.Name, "^On(Post|Put|Delete|Patch)"));
        if (takesPosts && !typeof(IFormPage).IsAssignableFrom(page))
            yield return $"{page.FullName} takes a post but is no {nameof(IFormPage)}";
        if (takesPosts && page.BaseType != typeof(PageModel))
            yield return $"{page.FullName} derives from {page.BaseType?.Name}, not straight from PageModel: share behaviour through Forms/, not a base page";
        foreach (var handler in handlers)
        {
            var result = handler.ReturnType.IsGenericType && handler.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
                ? handler.ReturnType.GetGenericArguments()[0]
                : handler.ReturnType;
            if (result != typeof(void) && result != typeof(Task) && !typeof(IActionResult).IsAssignableFrom(result))
                yield return $"{page.FullName}.{handler.Name} returns {result.Name}, not an action result";
        }
    }

    private static IEnumerable<Type> PageModels(Assembly assembly)
        => assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract);

    [Fact]
    public void Every_page_that_takes_a_post_is_a_form_page_on_page_model_with_typed_results()
    {
        var pages = PageModels(App).ToList();

        Assert.True(pages.Count(p => typeof(IFormPage).IsAssignableFrom(p)) >= 15, "found too few form pages: the scan is broken");
        Assert.Empty(pages.SelectMany(Faults));
    }

    [Fact]
    public void The_check_catches_a_page_written_the_old_ways()
    {
        Assert.Equal([$"{typeof(HandWrittenPage).FullName} takes a post but is no {nameof(IFormPage)}"], Faults(typeof(HandWrittenPage)));
        Assert.Contains(Faults(typeof(PageOnABasePage)), fault => fault.Contains("not straight from PageModel", StringComparison.Ordinal));
        Assert.Contains(Faults(typeof(PageOnABasePage)), fault => fault.Contains("returns Object", StringComparison.Ordinal));
        Assert.Empty(Faults(typeof(WellWrittenPage)));
    }

    private sealed class HandWrittenPage : PageModel
    {
        public PageResult OnPost() => Page();
    }

    private abstract class GenericFormPage<TInput> : PageModel, IFormPage
    {
        public TInput? Input { get; set; }
    }

    private sealed class PageOnABasePage : GenericFormPage<string>
    {
        public Task<object?> OnPostAsync() => Task.FromResult<object?>(Input);
    }

    private sealed class WellWrittenPage : PageModel, IVersionedFormPage
    {
        public Task OnGetAsync() => ShowSavedAsync(CancellationToken.None);
        public Task<IActionResult> OnPostAsync() => Task.FromResult<IActionResult>(Page());
        public Task ShowSavedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>A control written by hand in a view: an input, select or textarea not drawn by &lt;field&gt;.</summary>
    private static IEnumerable<string> HandWrittenControls(string markup)
        => HandWrittenControl().Matches(markup).Select(m => m.Value);

    [GeneratedRegex("<(input|select|textarea)\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HandWrittenControl();

    [Fact]
    public void Every_field_of_every_page_goes_through_the_field_tag_helper()
    {
        var views = Directory.EnumerateFiles(Source(), "*.cshtml", SearchOption.AllDirectories)
            // The layout's language switch posts to the /culture endpoint, which is no page.
            .Where(file => Path.GetFileName(file) != "_Layout.cshtml")
            .ToList();

        Assert.True(views.Count > 20, $"found only {views.Count} views: the scan is broken");
        Assert.Empty(views.SelectMany(file => HandWrittenControls(File.ReadAllText(file)).Select(control => $"{Path.GetRelativePath(Source(), file)}: {control}")));
        Assert.Single(HandWrittenControls("""<field asp-for="Input.Title" label="Step" /><input id="Input_Owner" name="Input.Owner" />"""));
    }

    [Fact]
    public void No_page_reads_the_query_string_or_the_posted_form_by_hand()
    {
        static IEnumerable<string> ReadsByHand(string code) => ByHand().Matches(code).Select(m => m.Value);
        var pages = Directory.EnumerateFiles(Source(), "*.cshtml*", SearchOption.AllDirectories).ToList();

        Assert.Empty(pages.SelectMany(file => ReadsByHand(File.ReadAllText(file)).Select(read => $"{Path.GetRelativePath(Source(), file)}: {read}")));
        Assert.Single(ReadsByHand("""Input.Kind = Enum.TryParse<ActivityKind>(Request.Query["kind"], out var kind) ? kind : null;"""));
    }

    [GeneratedRegex("Request\\.(Query|Form|RouteValues)\\b")]
    private static partial Regex ByHand();

    private static string Source()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Brobygge.slnx")))
                return Path.Combine(dir.FullName, "src", "Brobygge");
        throw new DirectoryNotFoundException("Brobygge.slnx not found above " + AppContext.BaseDirectory);
    }
}
