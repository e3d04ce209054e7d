using Brobygge.Identity;

namespace Brobygge.Tests.Identity;

public sealed class LmaNumberTests
{
    [Theory]
    [InlineData("12-345678", "12-345678")]
    [InlineData("12345678", "12-345678")]
    [InlineData(" 12-345678 ", "12-345678")]
    [InlineData("12-345678/1", "12-345678")]
    [InlineData("12345678/12", "12-345678")]
    public void An_LMA_number_is_eight_digits_with_an_optional_dash_and_card_serial(string text, string value)
    {
        Assert.True(LmaNumber.TryParse(text, out var number));
        Assert.Equal(value, number.Value.Value);
        Assert.Equal("12345678", number.Value.Digits);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("123-45678")]
    [InlineData("12--345678")]
    [InlineData("12-34567a")]
    [InlineData("12-345678/")]
    [InlineData("12-345678/x")]
    [InlineData("19900517-2383")]
    public void Anything_else_is_no_LMA_number(string text) => Assert.False(LmaNumber.TryParse(text, out _));
}
