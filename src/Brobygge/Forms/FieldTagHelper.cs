using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Brobygge.Forms;

/// <summary>
/// <c>&lt;field asp-for="Input.OccurredOn" label="Date" /&gt;</c>: every field of every form. The model expression
/// gives the posted name, the id, the value and (unless <c>type</c> says otherwise) the kind of control: a date for
/// <see cref="DateOnly"/>, a checkbox for <see cref="bool"/>, a select of the enum's values for an enum. The label, hint
/// and error are tied together for screen readers. On a refused post it shows what the user typed; after a conflict
/// (<see cref="Form.ShowsConflict"/>) it still shows what they typed, and beside it what the other person saved, when that differs.
/// Attributes it does not know (<c>autocomplete</c>, <c>maxlength</c>, <c>data-…</c>) go onto the control.
/// </summary>
[HtmlTargetElement("field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IStringLocalizer<SharedResource> t, HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public required ModelExpression For { get; set; }

    public string? Label { get; set; }

    /// <summary>Fills the label's {0}, e.g. the row number.</summary>
    public object? LabelArgument { get; set; }

    /// <summary>The label is read by screen readers only (a table's column heading says it to the eye).</summary>
    public bool LabelHidden { get; set; }

    public string? Hint { get; set; }

    /// <summary>Ids of hints outside the field (one hint above a table of rows).</summary>
    public string? DescribedBy { get; set; }

    /// <summary>text, date, number, email, tel, search, password, hidden, textarea, select, radio, checkbox or
    /// checkboxes (several values of a list); by default from the model's type.</summary>
    public string? Type { get; set; }

    /// <summary>The control's id, when it must differ from the name's (two forms on a page).</summary>
    public string? Id { get; set; }

    /// <summary>The value to show instead of the model expression's (one row of several forms on a page).</summary>
    public object? Value { get; set; }

    /// <summary>For selects, radios and checkboxes: value and (already translated) label of each option; an enum's
    /// values by default.</summary>
    public IEnumerable<(string Value, string Label)>? Options { get; set; }

    /// <summary>For selects: the label of an empty first option, if there is one.</summary>
    public string? Empty { get; set; }

    /// <summary>False where the posted value belongs to another form of the page.</summary>
    public bool KeepTyped { get; set; } = true;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = Id ?? IdOf(name);
        var modelType = For.Metadata.UnderlyingOrModelType;
        var type = Type ?? TypeOf(modelType);
        var saved = context.AllAttributes.ContainsName("value") ? Value : For.Model;
        var options = Options?.ToList() ?? (modelType.IsEnum
            ? Enum.GetValues(modelType).Cast<Enum>().Select(value => (value.ToString(), t.Name(value))).ToList()
            : []);
        var extra = ExtraAttributes(output);

        if (type == "hidden")
        {
            // Always the model's value: after a conflict, the version is the one just shown, not the one posted.
            output.TagName = null;
            output.Content.SetHtmlContent($"<input type=\"hidden\" name=\"{E(name)}\" value=\"{E(Format(saved))}\"{extra} />");
            return;
        }

        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).ToList() ?? [];
        var error = errors.Count > 0 ? string.Join(" ", errors) : null;
        var typed = KeepTyped && type != "password" ? state?.AttemptedValue : null;
        var value = type == "password" ? null : typed ?? Format(saved);
        var theirs = Form.ShowsConflict(ViewContext.ViewData) && typed is not null && Normal(type, typed) != Normal(type, Format(saved))
            ? Display(type, saved, options)
            : null;
        var describedBy = string.Join(' ', new[] { DescribedBy, Hint is null ? null : id + "_hint", error is null ? null : id + "_error", theirs is null ? null : id + "_theirs" }
            .Where(x => x is not null));
        var aria = (describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "") + (error is null ? "" : " aria-invalid=\"true\"");
        var label = E(LabelArgument is null ? t[Label ?? For.Name] : t[Label ?? For.Name, LabelArgument]);

        output.TagMode = TagMode.StartTagAndEndTag;
        var html = output.Content;
        if (type is "radio" or "checkboxes")
        {
            // A group: the legend names it, each option is labelled by its own text.
            output.TagName = "fieldset";
            output.Attributes.SetAttribute("class", "field");
            if (describedBy.Length > 0)
                output.Attributes.SetAttribute("aria-describedby", describedBy);
            html.AppendHtml($"<legend>{label}</legend>");
            if (Hint is not null)
                html.AppendHtml($"<span class=\"hint\" id=\"{id}_hint\">{E(t[Hint])}</span>");
            var chosen = Values(value);
            var inputType = type == "radio" ? "radio" : "checkbox";
            foreach (var (optionValue, optionLabel) in options)
                html.AppendHtml($"<label><input type=\"{inputType}\" name=\"{E(name)}\" value=\"{E(optionValue)}\"{(chosen.Contains(optionValue) ? " checked=\"checked\"" : "")}{extra} /> {E(optionLabel)}</label>");
        }
        else
        {
            output.TagName = "div";
            output.Attributes.SetAttribute("class", type == "checkbox" ? "field checkbox" : "field");
            var labelClass = LabelHidden ? " class=\"visually-hidden\"" : "";
            if (type != "checkbox")
                html.AppendHtml($"<label for=\"{id}\"{labelClass}>{label}</label>");
            if (Hint is not null)
                html.AppendHtml($"<span class=\"hint\" id=\"{id}_hint\">{E(t[Hint])}</span>");
            switch (type)
            {
                case "textarea":
                    var rows = context.AllAttributes.ContainsName("rows") ? "" : " rows=\"3\"";
                    html.AppendHtml($"<textarea id=\"{id}\" name=\"{E(name)}\"{rows}{extra}{aria}>{E(value)}</textarea>");
                    break;
                case "select":
                    html.AppendHtml($"<select id=\"{id}\" name=\"{E(name)}\"{extra}{aria}>");
                    if (Empty is not null)
                        html.AppendHtml($"<option value=\"\">{E(t[Empty])}</option>");
                    // A list (a select with "multiple") has several chosen values; a single value is a list of one.
                    var selected = Values(value);
                    foreach (var (optionValue, optionLabel) in options)
                        html.AppendHtml($"<option value=\"{E(optionValue)}\"{(selected.Contains(optionValue) ? " selected=\"selected\"" : "")}>{E(optionLabel)}</option>");
                    html.AppendHtml("</select>");
                    break;
                case "checkbox":
                    html.AppendHtml($"<label{labelClass}><input type=\"checkbox\" id=\"{id}\" name=\"{E(name)}\" value=\"true\"{(Normal(type, value) == "true" ? " checked=\"checked\"" : "")}{extra}{aria} /> {label}</label>");
                    html.AppendHtml($"<input type=\"hidden\" name=\"{E(name)}\" value=\"false\" />");
                    break;
                case "password":
                    // Never sent back to the browser, not even the one just typed.
                    html.AppendHtml($"<input id=\"{id}\" name=\"{E(name)}\" type=\"password\"{extra}{aria} />");
                    break;
                default:
                    // Text is the browser's default: no type written for it, as the hand-written fields had none.
                    var typeAttribute = type == "text" ? "" : $" type=\"{type}\"";
                    html.AppendHtml($"<input id=\"{id}\" name=\"{E(name)}\"{typeAttribute} value=\"{E(value)}\"{extra}{aria} />");
                    break;
            }
        }
        if (error is not null)
            html.AppendHtml($"<span id=\"{id}_error\" class=\"field-error\" data-valmsg-for=\"{E(name)}\">{E(error)}</span>");
        if (theirs is not null)
            html.AppendHtml($"<span class=\"theirs\" id=\"{id}_theirs\">{E(t["Saved by someone else: {0}", theirs])}</span>");
    }

    /// <summary>"Input.Experience[0].Years" → "Input_Experience_0_Years", the ids the pages have always had.</summary>
    public static string IdOf(string name) => name.Replace('.', '_').Replace('[', '_').Replace("]", "", StringComparison.Ordinal);

    private static string TypeOf(Type type)
        => type.IsEnum ? "select"
            : type == typeof(DateOnly) ? "date"
            : type == typeof(bool) ? "checkbox"
            : type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) ? "checkboxes"
            : "text";

    private string ExtraAttributes(TagHelperOutput output)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var attribute in output.Attributes)
        {
            writer.Write(' ');
            attribute.WriteTo(writer, encoder);
        }
        output.Attributes.Clear();
        return writer.ToString();
    }

    /// <summary>What the other person saved, as the user reads it: an option's label rather than its value.</summary>
    private string Display(string type, object? saved, List<(string Value, string Label)> options)
    {
        var values = Values(Format(saved));
        var shown = type switch
        {
            "checkbox" => Normal(type, Format(saved)) == "true" ? t["Yes"] : t["No"],
            "select" or "radio" or "checkboxes" => string.Join(", ", options.Where(o => values.Contains(o.Value)).Select(o => o.Label)),
            _ => Format(saved) ?? "",
        };
        return shown.Length > 0 ? shown : t["(empty)"];
    }

    /// <summary>A posted value and a model's value in one form, to compare them: a checkbox posts "true,false".</summary>
    private static string Normal(string type, string? value) => type switch
    {
        "checkbox" => Values(value).FirstOrDefault() is { } first && bool.TryParse(first, out var flag) && flag ? "true" : "false",
        "checkboxes" => string.Join(",", Values(value).Order(StringComparer.Ordinal)),
        _ => value ?? "",
    };

    private static HashSet<string> Values(string? value) => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private string E(string? text) => encoder.Encode(text ?? "");

    private static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        DateOnly date => date.Iso(),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(Format)),
        _ => value.ToString(),
    };
}

public static class Choices
{
    /// <summary>An enum's values as options, labelled in the UI language ("Type.Value" keys).</summary>
    public static IEnumerable<(string, string)> Of<TEnum>(IStringLocalizer t) where TEnum : struct, Enum
        => Enum.GetValues<TEnum>().Select(value => (value.ToString(), t.Name(value)));
}
