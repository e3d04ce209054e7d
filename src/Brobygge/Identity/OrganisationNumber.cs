namespace Brobygge.Identity;

/// <summary>
/// A Swedish organisationsnummer (lagen (1974:174) om identitetsbeteckning för juridiska personer m.fl.):
/// 10 digits, third digit 2 or more, Luhn check digit. A sole trader (enskild firma) uses the owner's
/// personnummer or samordningsnummer instead.
/// </summary>
public readonly record struct OrganisationNumber
{
    // Stored nullable so that default(OrganisationNumber) still answers with strings, not null.
    private readonly string? _value;

    private OrganisationNumber(string value) => _value = value;

    /// <summary>10 digits, no separator.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>
    /// True for an enskild firma, whose number is the owner's personnummer: it is personal data and
    /// must be handled as such.
    /// </summary>
    public bool IsPersonalIdentityNumber => Value.Length == 10 && Value[2] < '2';

    /// <summary>
    /// Reads 10 digits (optionally NNNNNN-NNNN), 12 digits with the "16" prefix used for legal entities,
    /// or a personnummer in any form <see cref="PersonalIdentityNumber"/> accepts.
    /// On failure <paramref name="problem"/> is a short English sentence; on success it is null.
    /// </summary>
    public static bool TryParse(string? input, out OrganisationNumber number, out string? problem)
    {
        number = default;
        problem = Read(input, out var value);
        if (problem is not null)
        {
            return false;
        }

        number = new OrganisationNumber(value);
        return true;
    }

    /// <summary>NNNNNN-NNNN.</summary>
    public override string ToString() => Value.Length == 10 ? $"{Value[..6]}-{Value[6..]}" : string.Empty;

    private static string? Read(string? input, out string value)
    {
        value = string.Empty;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return "No organisation number was given.";
        }

        var separators = 0;
        var separatorIndex = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '-' or '+')
            {
                separators++;
                separatorIndex = i;
            }
            else if (!char.IsAsciiDigit(text[i]))
            {
                return "Only digits are allowed, with one '-' before the last four.";
            }
        }

        if (separators > 1 || (separators == 1 && separatorIndex != text.Length - 5))
        {
            return "The '-' must come just before the last four digits.";
        }

        var digits = separators == 0 ? text : text.Remove(separatorIndex, 1);
        if (digits.Length == 12 && digits.StartsWith("16", StringComparison.Ordinal))
        {
            // "16" is the century-like prefix Skatteverket gives legal entities in 12-digit form.
            digits = digits[2..];
            if (digits[2] < '2')
            {
                return "After the prefix 16 the third digit must be 2 or more.";
            }
        }
        else if (digits.Length == 12)
        {
            // Any other 12-digit input can only be a sole trader's personnummer with its century.
            // DateOnly.MaxValue as "today": an organisation register has no use for the future-date check.
            if (!PersonalIdentityNumber.TryParse(text, DateOnly.MaxValue, out var person, out var personProblem))
            {
                return personProblem == IdentityNumberProblem.OrganisationNumber
                    ? "A 12-digit organisation number must start with 16."
                    : $"Not a valid personnummer for a sole trader: {PersonalIdentityNumber.Describe(personProblem)}";
            }

            value = person.Value[2..];
            return null;
        }
        else if (digits.Length != 10)
        {
            return "An organisation number has 10 digits, or 12 starting with 16.";
        }

        if (digits[2] < '2')
        {
            // A sole trader's personnummer without its century. In the 2000s the leap-year rule is plain
            // yy % 4, so 29 February passes whenever some century has it.
            return PersonalIdentityNumber.TryParse("20" + digits, DateOnly.MaxValue, out _, out var personProblem)
                ? Accept(digits, out value)
                : $"Not a valid personnummer for a sole trader: {PersonalIdentityNumber.Describe(personProblem)}";
        }

        return PersonalIdentityNumber.HasValidCheckDigit(digits)
            ? Accept(digits, out value)
            : "The last digit does not match the others; check for a typing mistake.";
    }

    private static string? Accept(string digits, out string value)
    {
        value = digits;
        return null;
    }
}
