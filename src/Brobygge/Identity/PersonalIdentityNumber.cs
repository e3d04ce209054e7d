using System.Globalization;

namespace Brobygge.Identity;

/// <summary>Why an input is not an acceptable personnummer or samordningsnummer.</summary>
public enum IdentityNumberProblem
{
    Empty,
    InvalidCharacters,
    WrongLength,
    MisplacedSeparator,
    ImpossibleDate,
    InFuture,
    WrongCheckDigit,
    InterimNotAllowed,
    OrganisationNumber,

    // Appended last so the values above keep their numbers. Skatteverket never issues
    // serial 000, and the personnummer/meta test vectors reject it even with a valid check digit.
    ZeroSerialNumber,
}

/// <summary>
/// A Swedish personnummer or samordningsnummer (coordination number, day + 60): folkbokföringslagen
/// (1991:481) 18 § and 18 a §, as Skatteverket writes them.
/// </summary>
public readonly record struct PersonalIdentityNumber
{
    // Interim (T-) numbers carry one of these letters where the first serial digit would be.
    private const string InterimLetters = "TRSUWXJKLMN";

    // Stored nullable so that default(PersonalIdentityNumber) still answers with strings, not null.
    private readonly string? _value;

    private PersonalIdentityNumber(string value, DateOnly birthDate, bool isCoordinationNumber, bool isBirthDateExact)
    {
        _value = value;
        BirthDate = birthDate;
        IsCoordinationNumber = isCoordinationNumber;
        IsBirthDateExact = isBirthDateExact;
    }

    /// <summary>Always 12 characters, YYYYMMDDNNNC, the day as written (+60 for coordination numbers).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>
    /// The real birth date (for coordination numbers the written day minus 60). When
    /// <see cref="IsBirthDateExact"/> is false it is the nearest real date: an unknown month or day
    /// becomes 1, a day past the end of the month becomes the month's last day.
    /// </summary>
    public DateOnly BirthDate { get; }

    public bool IsCoordinationNumber { get; }

    /// <summary>
    /// False when a coordination number's date part is not a full real date: month 00 or day 60
    /// (day 00) for a date of birth that is not known, or a day the month does not have (30 February).
    /// Both occur in Skatteverket's test samordningsnummer.
    /// </summary>
    public bool IsBirthDateExact { get; }

    /// <summary>The 9th digit of the 10-digit form (the last before the check digit) is even for women.</summary>
    public bool IsFemale => Value.Length == 12 && (Value[10] - '0') % 2 == 0;

    public bool IsInterim => Value.Length == 12 && char.IsAsciiLetter(Value[8]);

    /// <summary>
    /// Reads 10 (YYMMDDNNNC) or 12 (YYYYMMDDNNNC) digits, optionally with '-' or '+' before the last four.
    /// '+' marks a person aged 100 or more, which picks the century of 10-digit input; 12-digit input
    /// already names its century, so there the separator is not used.
    /// When this returns true, <paramref name="problem"/> has no meaning.
    /// </summary>
    public static bool TryParse(string? input, DateOnly today, out PersonalIdentityNumber number, out IdentityNumberProblem problem, bool allowInterim = false)
    {
        var found = Read(input, today, allowInterim, out number);
        problem = found ?? default;
        return found is null;
    }

    /// <exception cref="FormatException">The input is not acceptable; the message names the problem.</exception>
    public static PersonalIdentityNumber Parse(string input, DateOnly today)
    {
        // The input itself is left out of the message: it is personal data and messages end up in logs.
        return TryParse(input, today, out var number, out var problem)
            ? number
            : throw new FormatException($"Not a valid personal identity number ({problem}): {Describe(problem)}");
    }

    /// <summary>A short English sentence for the user; the UI translates it.</summary>
    public static string Describe(IdentityNumberProblem problem) => problem switch
    {
        IdentityNumberProblem.Empty => "No personal identity number was given.",
        IdentityNumberProblem.InvalidCharacters => "Only digits are allowed, with one '-' or '+' before the last four.",
        IdentityNumberProblem.WrongLength => "A personal identity number has 10 or 12 digits.",
        IdentityNumberProblem.MisplacedSeparator => "The '-' or '+' must come just before the last four digits.",
        IdentityNumberProblem.ImpossibleDate => "The birth date in the number does not exist.",
        IdentityNumberProblem.InFuture => "The birth date in the number is in the future.",
        IdentityNumberProblem.WrongCheckDigit => "The last digit does not match the others; check for a typing mistake.",
        IdentityNumberProblem.InterimNotAllowed => "Interim numbers (with a letter) are not accepted here.",
        IdentityNumberProblem.OrganisationNumber => "This is an organisation number, not a personal identity number.",
        IdentityNumberProblem.ZeroSerialNumber => "The three digits before the last one cannot be 000.",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };

    /// <summary>YYYYMMDD-NNNC, always with '-': the 12-digit form needs no '+' to tell the century.</summary>
    public override string ToString() => Written(Value) ?? string.Empty;

    /// <summary>A stored <see cref="Value"/> (12 characters) as people write it, YYYYMMDD-NNNC; null for anything else.</summary>
    public static string? Written(string value) => value.Length == 12 ? $"{value[..8]}-{value[8..]}" : null;

    /// <summary>Luhn (mod 10) over the 10-digit form; an interim letter counts as 1 (Skatteverket).</summary>
    internal static bool HasValidCheckDigit(ReadOnlySpan<char> tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var digit = char.IsAsciiDigit(tenDigits[i]) ? tenDigits[i] - '0' : 1;
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    private static IdentityNumberProblem? Read(string? input, DateOnly today, bool allowInterim, out PersonalIdentityNumber number)
    {
        number = default;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return IdentityNumberProblem.Empty;
        }

        // ASCII only: char.IsDigit would also let Arabic-Indic or full-width digits through.
        var separators = 0;
        var separatorIndex = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '-' or '+')
            {
                separators++;
                separatorIndex = i;
            }
            else if (!char.IsAsciiDigit(c) && !InterimLetters.Contains(char.ToUpperInvariant(c), StringComparison.Ordinal))
            {
                return IdentityNumberProblem.InvalidCharacters;
            }
        }

        if (separators > 1)
        {
            return IdentityNumberProblem.MisplacedSeparator;
        }

        var compact = separators == 0 ? text : text.Remove(separatorIndex, 1);
        if (compact.Length is not (10 or 12))
        {
            return IdentityNumberProblem.WrongLength;
        }

        if (separators == 1 && separatorIndex != text.Length - 5)
        {
            return IdentityNumberProblem.MisplacedSeparator;
        }

        // A letter is only meaningful as the first serial digit of an interim number.
        for (var i = 0; i < compact.Length; i++)
        {
            if (!char.IsAsciiDigit(compact[i]) && i != compact.Length - 4)
            {
                return IdentityNumberProblem.InvalidCharacters;
            }
        }

        var ten = compact[^10..].ToUpperInvariant();
        var isInterim = !char.IsAsciiDigit(ten[6]);
        var yy = TwoDigits(ten, 0);
        var month = TwoDigits(ten, 2);
        var writtenDay = TwoDigits(ten, 4);

        // Organisation numbers have 20 or more where a month would be; a valid one must not pass as a person.
        if (month >= 20)
        {
            return HasValidCheckDigit(ten) ? IdentityNumberProblem.OrganisationNumber : IdentityNumberProblem.ImpossibleDate;
        }

        var isCoordination = writtenDay >= 60;
        var day = isCoordination ? writtenDay - 60 : writtenDay;

        // Month 00 and day 00 (written 60) only exist in coordination numbers, for an unknown date of birth.
        if (month > 12 || day > 31 || (!isCoordination && (month == 0 || day == 0)))
        {
            return IdentityNumberProblem.ImpossibleDate;
        }

        int year;
        if (compact.Length == 12)
        {
            year = (TwoDigits(compact, 0) * 100) + yy;
        }
        else
        {
            // The latest century that does not put the birth after the reference date; '+' moves it back 100 years.
            var aged100OrMore = separatorIndex >= 0 && text[separatorIndex] == '+';
            var reference = !aged100OrMore ? today
                : today.Year > 100 ? today.AddYears(-100) : DateOnly.MinValue;
            year = reference.Year - (reference.Year % 100) + yy;
            if (year > reference.Year || (year == reference.Year && (month * 100) + day > (reference.Month * 100) + reference.Day))
            {
                year -= 100;
            }
        }

        if (year < 1)
        {
            return IdentityNumberProblem.ImpossibleDate;
        }

        // Only personnummer promise a real date: coordination numbers rest on what the person or an
        // authority stated, and Skatteverket's own test samordningsnummer include e.g. 30 February.
        var lastDay = month == 0 ? 31 : DateTime.DaysInMonth(year, month); // an unknown month reads as January
        if (day > lastDay && !isCoordination)
        {
            return IdentityNumberProblem.ImpossibleDate;
        }

        var birthDate = new DateOnly(year, Math.Max(month, 1), Math.Clamp(day, 1, lastDay));
        if (birthDate > today)
        {
            return IdentityNumberProblem.InFuture;
        }

        if (ten[6..9] == "000")
        {
            return IdentityNumberProblem.ZeroSerialNumber;
        }

        if (!HasValidCheckDigit(ten))
        {
            return IdentityNumberProblem.WrongCheckDigit;
        }

        if (isInterim && !allowInterim)
        {
            return IdentityNumberProblem.InterimNotAllowed;
        }

        var value = year.ToString("D4", CultureInfo.InvariantCulture) + ten[2..];
        var isBirthDateExact = month > 0 && day > 0 && day <= lastDay;
        number = new PersonalIdentityNumber(value, birthDate, isCoordination, isBirthDateExact);
        return null;
    }

    private static int TwoDigits(string s, int start) => ((s[start] - '0') * 10) + (s[start + 1] - '0');
}
