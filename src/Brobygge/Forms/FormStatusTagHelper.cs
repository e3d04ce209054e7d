using System.Text.Encodings.Web;
using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Brobygge.Forms;

/// <summary>
/// <c>&lt;form-status /&gt;</c> above a form: after a conflict, that nothing was saved and that the user's entries are
/// still there; after a refused post, that nothing was saved and the fields say why. Nothing otherwise.
/// </summary>
[HtmlTargetElement("form-status", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormStatusTagHelper(IStringLocalizer<SharedResource> t, HtmlEncoder encoder) : TagHelper
{
    /// <summary>What this form says about a conflict, if more than the shared words.</summary>
    public string? Conflict { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (Form.ShowsConflict(ViewContext.ViewData))
            output.Content.SetHtmlContent($"<div class=\"notice error\" role=\"alert\"><p>{E(t[Conflict ?? "Someone else saved this while you were editing. Nothing was saved."])}</p>"
                + (Form.ShowsTheirVersion(ViewContext.ViewData)
                    ? $"<p>{E(t["Your entries are still in the form; beside each field where their version differs is what they saved. Check them, then save again."])}</p>"
                    : "")
                + "</div>");
        else if (!ViewContext.ViewData.ModelState.IsValid)
            output.Content.SetHtmlContent($"<p class=\"notice error\" role=\"alert\">{E(t["Nothing was saved. Correct the fields marked below."])}</p>");
        else
            output.SuppressOutput();
    }

    private string E(string text) => encoder.Encode(text);
}
