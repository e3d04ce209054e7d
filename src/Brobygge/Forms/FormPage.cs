using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Brobygge.Forms;

/// <summary>A page with a form over one of the shared operations: problems go next to their fields,
/// "not found" is a 404, a conflicting save is shown instead of lost.</summary>
public abstract class FormPage(IStringLocalizer<SharedResource> t, TimeProvider time) : PageModel
{
    protected IStringLocalizer T => t;
    protected DateOnly Today => time.Today();

    /// <summary>Set when someone else saved the record first; the page shows their version.</summary>
    public bool Conflict { get; protected set; }

    protected PageResult ShowProblems(Problems problems, string prefix = "Input.")
    {
        foreach (var (field, messages) in problems.ByField)
            foreach (var message in messages)
                // A missing version belongs to no field the user sees: it is said above the form.
                ModelState.AddModelError(field == "Version" ? "" : prefix + field, t[message]);
        return Page();
    }

    /// <summary>Runs a write; on success goes back to the participant's page with a short message. A value that could
    /// not be read (a date that is no date, an unknown choice) is in the model state: then nothing is written.</summary>
    protected async Task<IActionResult> SaveAsync<TResult>(Func<Problems, Task<TResult?>> write, Guid personId, string saved, string prefix = "Input.")
        where TResult : class
    {
        // A value that could not even be read (letters in a number field, "Infinity") is refused at its field, not
        // dropped while the rest is saved.
        if (!ModelState.IsValid)
            return Page();
        var problems = new Problems();
        try
        {
            var result = await write(problems);
            if (result is null)
                return ShowProblems(problems, prefix);
            TempData["Saved"] = saved;
            return RedirectToPage("/Participants/Details", new { id = personId });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ConflictException)
        {
            Conflict = true;
            ModelState.Clear();
            return Page();
        }
    }
}

public static class FormSetup
{
    /// <summary>What every form gets: the input rules (<see cref="FormInputFilter"/>), no POST without a handler
    /// (<see cref="HandlerRequiredFilter"/>), and what the pages say about a value that cannot be read as its field's
    /// type, in the user's language.</summary>
    public static IServiceCollection AddBrobyggeForms(this IServiceCollection services)
    {
        services.AddOptions<MvcOptions>().Configure<IStringLocalizer<SharedResource>>((options, t) =>
        {
            options.Filters.Add<FormInputFilter>();
            options.Filters.Add(new HandlerRequiredFilter());
            options.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, _) => t["“{0}” is not a valid value for this field.", value]);
            options.ModelBindingMessageProvider.SetValueIsInvalidAccessor(value => t["“{0}” is not a valid value for this field.", value]);
        });
        return services;
    }
}
