using System.Globalization;
using System.Text.Encodings.Web;
using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Brobygge.Forms;

/// <summary>
/// <c>&lt;field name="Input.OccurredOn" label="Date" type="date" value="…" /&gt;</c>: a labelled input with its hint
/// and its error, tied together for screen readers, so every form field of the journey is accessible the same way.
/// On a refused post it shows what the user typed.
/// </summary>
[HtmlTargetElement("field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IStringLocalizer<SharedResource> t, HtmlEncoder encoder) : TagHelper
{
    public required string Name { get; set; }
    public required string Label { get; set; }
    public string? Hint { get; set; }

    /// <summary>text, date, number, email, tel, textarea, select or checkbox.</summary>
    public string Type { get; set; } = "text";
    public object? Value { get; set; }

    /// <summary>For selects: value and (untranslated) label of each option.</summary>
    public IEnumerable<(string Value, string Label)>? Options { get; set; }

    /// <summary>For selects: the label of an empty first option, if there is one.</summary>
    public string? Empty { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Name.Replace('.', '_');
        var state = ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) ? entry : null;
        var error = state?.Errors.FirstOrDefault()?.ErrorMessage;
        var value = state?.AttemptedValue ?? Format(Value);
        var describedBy = string.Join(' ', new[] { Hint is null ? null : id + "_hint", error is null ? null : id + "_error" }.Where(x => x is not null));

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Type == "checkbox" ? "field checkbox" : "field");
        var html = output.Content;
        if (Type != "checkbox")
            html.AppendHtml($"<label for=\"{id}\">{E(t[Label])}</label>");
        if (Hint is not null)
            html.AppendHtml($"<span class=\"hint\" id=\"{id}_hint\">{E(t[Hint])}</span>");
        var aria = (describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "") + (error is null ? "" : " aria-invalid=\"true\"");
        switch (Type)
        {
            case "textarea":
                html.AppendHtml($"<textarea id=\"{id}\" name=\"{Name}\" rows=\"3\"{aria}>{E(value)}</textarea>");
                break;
            case "select":
                html.AppendHtml($"<select id=\"{id}\" name=\"{Name}\"{aria}>");
                if (Empty is not null)
                    html.AppendHtml($"<option value=\"\">{E(t[Empty])}</option>");
                foreach (var (optionValue, optionLabel) in Options ?? [])
                    html.AppendHtml($"<option value=\"{E(optionValue)}\"{(optionValue == value ? " selected" : "")}>{E(optionLabel)}</option>");
                html.AppendHtml("</select>");
                break;
            case "checkbox":
                var isChecked = value is "true" or "True" or "on";
                html.AppendHtml($"<label><input type=\"checkbox\" id=\"{id}\" name=\"{Name}\" value=\"true\"{(isChecked ? " checked" : "")}{aria} /> {E(t[Label])}</label>");
                html.AppendHtml($"<input type=\"hidden\" name=\"{Name}\" value=\"false\" />");
                break;
            default:
                html.AppendHtml($"<input id=\"{id}\" name=\"{Name}\" type=\"{Type}\" value=\"{E(value)}\"{aria} />");
                break;
        }
        if (error is not null)
            html.AppendHtml($"<span class=\"field-error\" id=\"{id}_error\">{E(error)}</span>");
    }

    private string E(string? text) => encoder.Encode(text ?? "");

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly date => date.Iso(),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

public static class Choices
{
    /// <summary>An enum's values as options, labelled in the UI language ("Type.Value" keys).</summary>
    public static IEnumerable<(string, string)> Of<TEnum>(IStringLocalizer t) where TEnum : struct, Enum
        => Enum.GetValues<TEnum>().Select(value => (value.ToString(), t.Name(value)));
}
