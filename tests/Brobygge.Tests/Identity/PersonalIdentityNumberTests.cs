using System.Globalization;
using System.Text.Json;
using Brobygge.Identity;

namespace Brobygge.Tests.Identity;

public class PersonalIdentityNumberTests
{
    // Fixed so the tests do not age; every number in the shared data is born before it.
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly string[] Formats = ["long_format", "short_format", "separated_format", "separated_long", "integer"];

    /// <summary>personnummer/meta vectors: one row per entry and written form.</summary>
    public static TheoryData<int, string, string, string, bool, bool, string> SharedVectors()
    {
        var rows = new TheoryData<int, string, string, string, bool, bool, string>();
        foreach (var (index, entry) in ReadVectors())
        {
            var type = entry.GetProperty("type").GetString()!;
            var valid = entry.GetProperty("valid").GetBoolean();
            var isFemale = entry.TryGetProperty("isFemale", out var female) && female.GetBoolean();
            var expectedValue = entry.TryGetProperty("long_format", out var longFormat) ? longFormat.GetString()! : "";
            foreach (var (format, input) in WrittenForms(entry))
            {
                rows.Add(index, type, format, input, valid, isFemale, expectedValue);
            }
        }

        return rows;
    }

    public static TheoryData<int, string, string> ValidInterimVectors() => VectorsWhere(type: "interim", valid: true);

    public static TheoryData<int, string, string> OrganisationVectors() => VectorsWhere(type: "org", valid: false);

    [Theory]
    [MemberData(nameof(SharedVectors))]
    public void Shared_test_vectors_are_accepted_or_rejected_as_expected(
        int entry, string type, string format, string input, bool valid, bool isFemale, string expectedValue)
    {
        var allowInterim = type == "interim";

        var accepted = PersonalIdentityNumber.TryParse(input, Today, out var number, out var problem, allowInterim);

        Assert.True(accepted == valid, $"entry {entry} {format} '{input}': expected valid={valid}, got {(accepted ? "accepted" : problem.ToString())}");
        if (valid)
        {
            // Without a separator a 10-digit number cannot say "100 or older", so only the last ten digits are certain.
            Assert.Equal(format == "short_format" ? expectedValue[2..] : expectedValue, format == "short_format" ? number.Value[2..] : number.Value);
            Assert.Equal(isFemale, number.IsFemale);
            Assert.Equal(type == "con", number.IsCoordinationNumber);
            Assert.Equal(type == "interim", number.IsInterim);
        }
    }

    [Theory]
    [MemberData(nameof(ValidInterimVectors))]
    public void Interim_numbers_are_rejected_unless_allowed(int entry, string format, string input)
    {
        var accepted = PersonalIdentityNumber.TryParse(input, Today, out _, out var problem);

        Assert.False(accepted, $"entry {entry} {format}");
        Assert.Equal(IdentityNumberProblem.InterimNotAllowed, problem);
    }

    [Theory]
    [MemberData(nameof(OrganisationVectors))]
    public void Organisation_numbers_in_the_shared_vectors_are_named_as_such(int entry, string format, string input)
    {
        var accepted = PersonalIdentityNumber.TryParse(input, Today, out _, out var problem);

        Assert.False(accepted, $"entry {entry} {format}");
        Assert.Equal(IdentityNumberProblem.OrganisationNumber, problem);
    }

    [Fact]
    public void Every_Skatteverket_test_personnummer_is_accepted_in_long_and_short_form()
    {
        var failures = FailuresAmong("skatteverket-testpersonnummer.json", coordination: false);

        Assert.True(failures.Count == 0, $"{failures.Count} failures, first ones:\n{string.Join('\n', failures.Take(10))}");
    }

    [Fact]
    public void Every_Skatteverket_test_samordningsnummer_is_accepted_in_long_and_short_form()
    {
        var failures = FailuresAmong("skatteverket-testsamordningsnummer.json", coordination: true);

        Assert.True(failures.Count == 0, $"{failures.Count} failures, first ones:\n{string.Join('\n', failures.Take(10))}");
    }

    [Fact]
    public void Coordination_numbers_have_day_plus_sixty()
    {
        var number = PersonalIdentityNumber.Parse("19730288-9931", Today);

        Assert.True(number.IsCoordinationNumber);
        Assert.Equal(new DateOnly(1973, 2, 28), number.BirthDate);
        Assert.Equal("197302889931", number.Value);
        Assert.True(number.IsBirthDateExact);
    }

    [Theory]
    [InlineData("191500722390", 1915, 1, 12, false)]
    [InlineData("191401682396", 1914, 1, 8, true)]
    [InlineData("191412802397", 1914, 12, 20, true)]
    public void Coordination_numbers_may_leave_the_month_unknown(string input, int year, int month, int day, bool exact)
    {
        var number = PersonalIdentityNumber.Parse(input, Today);

        Assert.True(number.IsCoordinationNumber);
        Assert.Equal(new DateOnly(year, month, day), number.BirthDate);
        Assert.Equal(exact, number.IsBirthDateExact);
    }

    [Fact]
    public void Coordination_numbers_may_leave_the_day_unknown_written_as_sixty()
    {
        var number = PersonalIdentityNumber.Parse(Number("19800560-123"), Today);

        Assert.Equal(new DateOnly(1980, 5, 1), number.BirthDate);
        Assert.False(number.IsBirthDateExact);
    }

    [Theory]
    [InlineData("193002902397", 1930, 2, 28)]
    [InlineData("195102892386", 1951, 2, 28)]
    [InlineData("197404912383", 1974, 4, 30)]
    public void Coordination_numbers_may_name_a_day_the_month_does_not_have(string input, int year, int month, int lastDay)
    {
        // These are Skatteverket test samordningsnummer; the birth date becomes the month's last day.
        var number = PersonalIdentityNumber.Parse(input, Today);

        Assert.Equal(new DateOnly(year, month, lastDay), number.BirthDate);
        Assert.False(number.IsBirthDateExact);
    }

    [Fact]
    public void Personnummer_have_an_exact_birth_date()
        => Assert.True(PersonalIdentityNumber.Parse("19570428-9999", Today).IsBirthDateExact);

    [Fact]
    public void Ordinary_personnummer_never_has_month_or_day_zero()
    {
        AssertProblem(Number("19800500-123"), IdentityNumberProblem.ImpossibleDate);
        AssertProblem(Number("19800015-123"), IdentityNumberProblem.ImpossibleDate);
    }

    [Fact]
    public void Ten_digit_input_takes_the_latest_century_that_is_not_in_the_future()
    {
        Assert.Equal(new DateOnly(2000, 2, 29), PersonalIdentityNumber.Parse("000229-2399", Today).BirthDate);
        Assert.Equal(new DateOnly(2026, 11, 23), PersonalIdentityNumber.Parse(Number("261123-123"), Today).BirthDate);
        Assert.Equal(new DateOnly(1926, 11, 24), PersonalIdentityNumber.Parse(Number("261124-123"), Today).BirthDate);
        Assert.Equal(new DateOnly(1926, 11, 24), PersonalIdentityNumber.Parse(Number("261124123"), Today).BirthDate);
    }

    [Fact]
    public void Plus_separator_means_a_hundred_years_or_older()
    {
        var old = PersonalIdentityNumber.Parse("090527+1474", Today);
        var young = PersonalIdentityNumber.Parse("090527-1474", Today);

        Assert.Equal("190905271474", old.Value);
        Assert.Equal("200905271474", young.Value);
        Assert.Equal(new DateOnly(1926, 11, 23), PersonalIdentityNumber.Parse(Number("261123+123"), Today).BirthDate);
        Assert.Equal(new DateOnly(1826, 11, 24), PersonalIdentityNumber.Parse(Number("261124+123"), Today).BirthDate);
    }

    [Theory]
    [InlineData("19090527+1474")]
    [InlineData("19090527-1474")]
    [InlineData("190905271474")]
    public void Twelve_digit_input_keeps_its_own_century_whatever_the_separator(string input)
    {
        Assert.Equal("190905271474", PersonalIdentityNumber.Parse(input, Today).Value);
    }

    [Fact]
    public void Plus_in_twelve_digit_input_is_not_checked_against_age()
    {
        // personnummer/meta only pairs '+' with people who are 100 or older; a 12-digit number names its century anyway.
        Assert.Equal(new DateOnly(2000, 2, 29), PersonalIdentityNumber.Parse("20000229+2399", Today).BirthDate);
    }

    [Theory]
    [InlineData("19570428-9999", false)]
    [InlineData("20150916-0016", false)]
    [InlineData("20000101-T220", true)]
    public void Sex_follows_the_parity_of_the_second_last_digit(string input, bool isFemale)
    {
        var number = input.Contains('T', StringComparison.Ordinal)
            ? ParseInterim(input)
            : PersonalIdentityNumber.Parse(Number(input[..^1]), Today);

        Assert.Equal(isFemale, number.IsFemale);
        Assert.Equal(isFemale, (number.Value[10] - '0') % 2 == 0);
    }

    [Fact]
    public void Input_is_trimmed_and_written_back_with_a_dash()
    {
        var number = PersonalIdentityNumber.Parse("  195704289999 \t", Today);

        Assert.Equal("195704289999", number.Value);
        Assert.Equal("19570428-9999", number.ToString());
        Assert.Equal(new DateOnly(1957, 4, 28), number.BirthDate);
    }

    [Fact]
    public void Interim_letter_counts_as_one_in_the_check_digit_and_is_kept_upper_case()
    {
        var number = ParseInterim("000101-t220");

        Assert.Equal("20000101T220", number.Value);
        Assert.True(number.IsInterim);
        AssertProblem("20000101-T221", IdentityNumberProblem.WrongCheckDigit, allowInterim: true);
    }

    [Fact]
    public void The_same_number_in_any_form_is_equal()
    {
        Assert.Equal(PersonalIdentityNumber.Parse("570428-9999", Today), PersonalIdentityNumber.Parse("195704289999", Today));
    }

    [Fact]
    public void A_default_value_has_empty_strings_rather_than_null()
    {
        PersonalIdentityNumber number = default;

        Assert.Equal("", number.Value);
        Assert.Equal("", number.ToString());
        Assert.False(number.IsFemale);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_input_is_empty(string? input) => AssertProblem(input, IdentityNumberProblem.Empty);

    [Theory]
    [InlineData("19900101-ABCD")]
    [InlineData("abc")]
    [InlineData("19090527 1474")]
    [InlineData("19900101_1234")]
    [InlineData("1990010T1234")]
    [InlineData("19900101-123٤")]
    [InlineData("１９９００１０１１２３４")]
    public void Letters_spaces_and_non_ascii_digits_are_invalid_characters(string input)
        => AssertProblem(input, IdentityNumberProblem.InvalidCharacters);

    [Theory]
    [InlineData("900101123")]
    [InlineData("90010112345")]
    [InlineData("19900101-123")]
    [InlineData("1990010112345")]
    public void Anything_but_ten_or_twelve_digits_is_the_wrong_length(string input)
        => AssertProblem(input, IdentityNumberProblem.WrongLength);

    [Theory]
    [InlineData("1990-01011234")]
    [InlineData("199001011-234")]
    [InlineData("9001-011234")]
    [InlineData("900101123-4")]
    [InlineData("900101+-1234")]
    [InlineData("-9001011234")]
    public void A_separator_anywhere_but_before_the_last_four_is_misplaced(string input)
        => AssertProblem(input, IdentityNumberProblem.MisplacedSeparator);

    [Theory]
    [InlineData("19900230-123")]
    [InlineData("19901301-123")]
    [InlineData("19900132-123")]
    [InlineData("19000229-123")]
    [InlineData("000229+239")]
    [InlineData("19900292-123")]
    [InlineData("19900159-123")]
    public void A_date_that_does_not_exist_is_impossible(string withoutCheckDigit)
        => AssertProblem(Number(withoutCheckDigit), IdentityNumberProblem.ImpossibleDate);

    [Theory]
    [InlineData("20261124-123")]
    [InlineData("20270101-123")]
    [InlineData("20261184-123")]
    public void A_birth_date_after_today_is_in_the_future(string withoutCheckDigit)
        => AssertProblem(Number(withoutCheckDigit), IdentityNumberProblem.InFuture);

    [Fact]
    public void Born_today_is_not_in_the_future()
        => Assert.True(PersonalIdentityNumber.TryParse(Number("20261123-123"), Today, out _, out _));

    [Theory]
    [InlineData("19700428-9895")]
    [InlineData("19570428-9998")]
    [InlineData("570428-9990")]
    public void A_wrong_last_digit_fails_the_check_digit(string input)
        => AssertProblem(input, IdentityNumberProblem.WrongCheckDigit);

    [Fact]
    public void Serial_number_000_is_never_issued()
        => AssertProblem("20150916-0006", IdentityNumberProblem.ZeroSerialNumber);

    [Theory]
    [InlineData("5560160680")]
    [InlineData("556016-0680")]
    [InlineData("165560160680")]
    [InlineData("802014-4120")]
    public void A_valid_organisation_number_is_not_a_personnummer(string input)
        => AssertProblem(input, IdentityNumberProblem.OrganisationNumber);

    [Fact]
    public void An_interim_number_needs_permission()
        => AssertProblem("20000101-T220", IdentityNumberProblem.InterimNotAllowed);

    [Fact]
    public void Parse_throws_a_format_exception_that_names_the_problem_but_not_the_number()
    {
        var input = Number("19900230-123");

        var exception = Assert.Throws<FormatException>(() => PersonalIdentityNumber.Parse(input, Today));

        Assert.Contains(nameof(IdentityNumberProblem.ImpossibleDate), exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(input, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_has_a_description()
    {
        foreach (var problem in Enum.GetValues<IdentityNumberProblem>())
        {
            Assert.False(string.IsNullOrWhiteSpace(PersonalIdentityNumber.Describe(problem)), problem.ToString());
        }
    }

    private static void AssertProblem(string? input, IdentityNumberProblem expected, bool allowInterim = false)
    {
        var accepted = PersonalIdentityNumber.TryParse(input, Today, out _, out var problem, allowInterim);

        Assert.False(accepted, $"'{input}' was accepted");
        Assert.Equal(expected, problem);
    }

    private static PersonalIdentityNumber ParseInterim(string input)
    {
        Assert.True(PersonalIdentityNumber.TryParse(input, Today, out var number, out var problem, allowInterim: true), problem.ToString());
        return number;
    }

    /// <summary>Appends the Luhn check digit (computed here, independently of the code under test).</summary>
    private static string Number(string withoutCheckDigit)
    {
        var digits = withoutCheckDigit.Where(char.IsAsciiDigit).ToArray()[^9..];
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return withoutCheckDigit + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }

    private static List<string> FailuresAmong(string file, bool coordination)
    {
        using var stream = File.OpenRead(SharedData.PathTo("data", file));
        var numbers = JsonSerializer.Deserialize<string[]>(stream)!;
        Assert.NotEmpty(numbers);

        var hundredYearsAgo = Today.AddYears(-100);
        var failures = new List<string>();
        foreach (var value in numbers)
        {
            // Worked out from the digits here, not by the parser: an unknown month or day (00) counts as 1,
            // a day past the month's end (coordination numbers only) as the month's last day.
            var year = int.Parse(value[..4], CultureInfo.InvariantCulture);
            var month = Math.Max(int.Parse(value[4..6], CultureInfo.InvariantCulture), 1);
            var writtenDay = int.Parse(value[6..8], CultureInfo.InvariantCulture);
            var day = Math.Clamp(coordination ? writtenDay - 60 : writtenDay, 1, DateTime.DaysInMonth(year, month));
            var birthDate = new DateOnly(year, month, day);
            var separator = birthDate <= hundredYearsAgo ? '+' : '-';
            var shortForm = $"{value[2..8]}{separator}{value[8..]}";

            foreach (var input in new[] { value, shortForm })
            {
                if (!PersonalIdentityNumber.TryParse(input, Today, out var number, out var problem))
                {
                    failures.Add($"{input}: {problem}");
                }
                else if (number.Value != value || number.IsCoordinationNumber != coordination || number.BirthDate != birthDate)
                {
                    failures.Add($"{input}: read as {number.Value}, born {number.BirthDate:yyyy-MM-dd}, coordination {number.IsCoordinationNumber}");
                }
            }
        }

        return failures;
    }

    private static TheoryData<int, string, string> VectorsWhere(string type, bool valid)
    {
        var rows = new TheoryData<int, string, string>();
        foreach (var (index, entry) in ReadVectors())
        {
            if (entry.GetProperty("type").GetString() == type && entry.GetProperty("valid").GetBoolean() == valid)
            {
                foreach (var (format, input) in WrittenForms(entry))
                {
                    rows.Add(index, format, input);
                }
            }
        }

        return rows;
    }

    private static IEnumerable<(string Format, string Input)> WrittenForms(JsonElement entry)
    {
        foreach (var format in Formats)
        {
            if (!entry.TryGetProperty(format, out var property))
            {
                continue;
            }

            if (property.ValueKind == JsonValueKind.Number)
            {
                // 0 stands for "cannot be an integer" (letters, spaces).
                var integer = property.GetInt64();
                if (integer != 0)
                {
                    yield return (format, integer.ToString(CultureInfo.InvariantCulture));
                }
            }
            else
            {
                yield return (format, property.GetString()!);
            }
        }
    }

    private static IEnumerable<(int Index, JsonElement Entry)> ReadVectors()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathTo("data", "personnummer-testdata.json")));
        var index = 0;
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            yield return (index++, entry.Clone());
        }
    }
}
