using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Brobygge.Forms;

/// <summary>
/// Checks what every page bound (its <c>[BindProperty]</c> models and handler arguments) against
/// <see cref="InputRules"/>, and puts each problem next to its field in the model state. Every page refuses to save
/// while the model state holds an error, so a NUL, an impossible date or a value that could not be read at all stops
/// the whole save instead of being dropped.
/// </summary>
public sealed class FormInputFilter(IStringLocalizer<SharedResource> t, TimeProvider time) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var today = time.Today();
        void Report(string field, string message, object[] arguments) => context.ModelState.AddModelError(field, t[message, arguments]);
        foreach (var bound in context.ActionDescriptor.BoundProperties.OfType<PageBoundPropertyDescriptor>())
            InputRules.Check(bound.Property.GetValue(context.HandlerInstance), bound.BindingInfo?.BinderModelName ?? bound.Name, today, Report);
        foreach (var (name, value) in context.HandlerArguments)
            InputRules.Check(value, name, today, Report);
        await next();
    }
}
