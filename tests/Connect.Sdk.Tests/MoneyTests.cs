namespace Connect.Sdk.Tests;

public sealed class MoneyTests
{
    [Fact]
    public void Add_SameCurrency_SumsAmounts()
    {
        var sum = new Money(10.05m, CurrencyCode.Eur) + new Money(0.95m, CurrencyCode.Eur);

        Assert.Equal(new Money(11.00m, CurrencyCode.Eur), sum);
    }

    [Fact]
    public void Add_DifferentCurrencies_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Money(1m, CurrencyCode.Eur) + new Money(1m, CurrencyCode.Usd));

        Assert.Contains("EUR", ex.Message, StringComparison.Ordinal);
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eur", "EUR")]
    [InlineData("Chf", "CHF")]
    public void CurrencyCode_AnyCase_IsNormalisedToUpperCase(string input, string expected)
    {
        Assert.Equal(expected, new CurrencyCode(input).Value);
    }

    [Theory]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    public void CurrencyCode_NotThreeLetters_IsRejected(string input)
    {
        Assert.Throws<ArgumentException>(() => new CurrencyCode(input));
    }

    [Theory]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    [InlineData("")]
    [InlineData(null)]
    public void CurrencyCodeTryParse_NotThreeLetters_FalseWithoutThrowing(string? input)
    {
        Assert.False(CurrencyCode.TryParse(input, out var code));
        Assert.Equal(default, code);
    }

    [Fact]
    public void CurrencyCodeTryParse_AnyCase_TrueAndUpperCase()
    {
        Assert.True(CurrencyCode.TryParse("chf", out var code));
        Assert.Equal(CurrencyCode.Chf, code);
    }

    [Fact]
    public void ToString_UsesInvariantCulture()
    {
        Assert.Equal("1234.50 EUR", new Money(1234.50m, CurrencyCode.Eur).ToString());
    }

    [Theory]
    [InlineData("EUR", 29.000001, 29.00)]
    [InlineData("EUR", 0.125, 0.13)]
    [InlineData("EUR", -0.125, -0.13)]
    [InlineData("JPY", 1234.5, 1235)]
    [InlineData("KWD", 1.2345, 1.235)]
    public void RoundToMinorUnit_AnyCurrency_RoundsHalfAwayFromZeroToItsMinorUnit(string currency, double amount, double expected)
    {
        var code = new CurrencyCode(currency);

        Assert.Equal(new Money((decimal)expected, code), new Money((decimal)amount, code).RoundToMinorUnit());
    }
}
