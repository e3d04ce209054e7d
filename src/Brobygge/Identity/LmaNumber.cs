using System.Diagnostics.CodeAnalysis;

namespace Brobygge.Identity;

/// <summary>
/// The number on an asylum seeker's LMA card (lagen om mottagande av asylsökande): the Migration Agency's case
/// (dossier) number, eight digits written NN-NNNNNN. Accepted with or without the dash, and with the card's serial
/// number that cards issued since 2022 print after it ("12-345678/1"): the serial counts cards, not people, so it is
/// dropped and a new card keeps finding the same person. Kept as <see cref="Value"/>, NN-NNNNNN.
/// </summary>
public readonly record struct LmaNumber
{
    public string Value { get; }

    private LmaNumber(string value) => Value = value;

    /// <summary>The eight digits, which the blind index is made from.</summary>
    public string Digits => Value.Replace("-", "", StringComparison.Ordinal);

    public override string ToString() => Value;

    public static bool TryParse(string? text, [NotNullWhen(true)] out LmaNumber? number)
    {
        number = null;
        var s = text?.Trim() ?? "";
        if (s.IndexOf('/') is var slash and >= 0)
        {
            var serial = s[(slash + 1)..].Trim();
            if (serial.Length is 0 or > 3 || !serial.All(char.IsAsciiDigit))
                return false;
            s = s[..slash].Trim();
        }
        var digits = s.Length == 9 && s[2] == '-' ? s.Remove(2, 1) : s;
        if (digits.Length != 8 || !digits.All(char.IsAsciiDigit))
            return false;
        number = new LmaNumber($"{digits[..2]}-{digits[2..]}");
        return true;
    }

    public const string Problem = "An LMA number is the eight digits under the photo on the LMA card, e.g. 12-345678.";
}
