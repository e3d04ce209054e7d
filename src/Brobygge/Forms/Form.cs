using Brobygge.Data;
using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Forms;

/// <summary>
/// A page that takes a post. Every such page implements it (a test walks the assembly): <see cref="FormFilter"/> then
/// answers a <see cref="NotFoundException"/> from any of its handlers with 404 and a conflicting save with the form
/// again, and <see cref="Form"/> holds the rest of what forms share, so no page writes it again.
/// </summary>
public interface IFormPage;

/// <summary>
/// A form over a record people edit, which posts the version it showed. When someone else saved in between, the page
/// shows the record as it is saved now (the same method its GET uses), the user's entries stay in the fields, and each
/// field whose saved value differs shows that value beside it (<see cref="FieldTagHelper"/>), with the new version in
/// the form, so a second save is the user's informed choice.
/// </summary>
public interface IVersionedFormPage : IFormPage
{
    /// <summary>Fills the page's model from the record as saved now, its version included; throws
    /// <see cref="NotFoundException"/> when it is gone.</summary>
    Task ShowSavedAsync(CancellationToken cancellationToken);
}

/// <summary>What every form page does the same way: problems next to their fields, the saved message and the redirect.</summary>
public static class Form
{
    private const string ConflictKey = "Brobygge.Forms.Conflict";

    /// <summary>The page shows a conflict: its save was refused because someone else saved first.</summary>
    public static bool ShowsConflict(ViewDataDictionary viewData) => viewData.ContainsKey(ConflictKey);

    /// <summary>The conflict shown is a versioned form's: the other person's version stands beside the fields.</summary>
    public static bool ShowsTheirVersion(ViewDataDictionary viewData) => viewData[ConflictKey] is true;

    internal static void MarkConflict(ViewDataDictionary viewData, bool theirVersionShown) => viewData[ConflictKey] = theirVersionShown;

    /// <summary>Runs a write of the shared operations: on success says <paramref name="saved"/> on the page
    /// <paramref name="then"/> leads to, otherwise shows the problems next to their fields (named from
    /// <paramref name="prefix"/>). A value that could not even be read is already in the model state: then nothing is
    /// written. Not found and conflicts are <see cref="FormFilter"/>'s.</summary>
    public static async Task<IActionResult> SaveAsync<TResult>(this PageModel page, Func<Problems, Task<TResult?>> write, string saved, Func<TResult, RedirectToPageResult> then, string prefix = "Input.")
        where TResult : class
    {
        if (!page.ModelState.IsValid)
            return page.Page();
        var problems = new Problems();
        var result = await write(problems);
        if (result is null)
            return page.ShowProblems(problems, prefix);
        return page.Saved(saved, then(result));
    }

    /// <summary>The saved message, shown once on the page the redirect leads to.</summary>
    public static IActionResult Saved(this PageModel page, string message, RedirectToPageResult redirect)
    {
        page.TempData["Saved"] = message;
        return redirect;
    }

    /// <summary>Back to the participant's page, where most of the journey's forms start.</summary>
    public static RedirectToPageResult ToParticipant(Guid personId) => new("/Participants/Details", new { id = personId });

    public static PageResult ShowProblems(this PageModel page, Problems problems, string prefix = "Input.")
    {
        foreach (var (field, messages) in problems.ByField)
            foreach (var message in messages)
                // A missing version belongs to no field the user sees: it is said above the form.
                page.Problem(field == "Version" ? "" : prefix + field, message);
        return page.Page();
    }

    /// <summary>A problem next to a field; the message is an English resource key, formatted with the arguments.</summary>
    public static void Problem(this PageModel page, string field, string message, params object[] arguments)
        => page.ModelState.AddModelError(field, page.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()[message, arguments]);
}

/// <summary>
/// For every <see cref="IFormPage"/>: "not found" from a handler is a 404, and a save refused because someone else
/// saved first (<see cref="ConflictException"/>, or EF's own concurrency exception) shows the form again with the
/// user's entries kept; a versioned form shows the other person's version beside them.
/// </summary>
public sealed class FormFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (context.HandlerInstance is not (PageModel page and IFormPage) || executed.Exception is null || executed.ExceptionHandled)
            return;
        switch (executed.Exception)
        {
            case NotFoundException:
                executed.Result = new NotFoundResult();
                executed.ExceptionHandled = true;
                break;
            case ConflictException or DbUpdateConcurrencyException:
                executed.Result = await ShowConflictAsync(page, context.HttpContext.RequestAborted);
                executed.ExceptionHandled = true;
                break;
        }
    }

    private static async Task<IActionResult> ShowConflictAsync(PageModel page, CancellationToken cancellationToken)
    {
        // What the user typed stays in the model state (the fields show it); only the problems go, none of them theirs.
        foreach (var entry in page.ModelState.Values)
        {
            entry.Errors.Clear();
            entry.ValidationState = ModelValidationState.Valid;
        }
        // The refused save's entities are stale: what follows reads the record as it is now.
        page.HttpContext.RequestServices.GetRequiredService<BrobyggeDb>().ChangeTracker.Clear();
        if (page is IVersionedFormPage versioned)
        {
            try
            {
                await versioned.ShowSavedAsync(cancellationToken);
            }
            catch (NotFoundException)
            {
                return new NotFoundResult();
            }
        }
        Form.MarkConflict(page.ViewData, theirVersionShown: page is IVersionedFormPage);
        return page.Page();
    }
}

public static class FormSetup
{
    /// <summary>What every form gets: the input rules (<see cref="FormInputFilter"/>), no POST without a handler
    /// (<see cref="HandlerRequiredFilter"/>), 404 and conflicts (<see cref="FormFilter"/>), and what the pages say about
    /// a value that cannot be read as its field's type, in the user's language.</summary>
    public static IServiceCollection AddBrobyggeForms(this IServiceCollection services)
    {
        services.AddOptions<MvcOptions>().Configure<IStringLocalizer<SharedResource>>((options, t) =>
        {
            options.Filters.Add<FormInputFilter>();
            options.Filters.Add(new HandlerRequiredFilter());
            options.Filters.Add(new FormFilter());
            options.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, _) => t["“{0}” is not a valid value for this field.", value]);
            options.ModelBindingMessageProvider.SetValueIsInvalidAccessor(value => t["“{0}” is not a valid value for this field.", value]);
        });
        return services;
    }
}
