using CsCheck;
using Connect.Sdk.Prices;

namespace Connect.Sdk.Tests.Prices;

public sealed class PriceCalculationTests
{
    private static readonly ConnectionId Shop = new("shop-de");

    private static readonly PriceRules Gross = PriceRules.Default;

    public static TheoryData<ErpPrice, PriceRules, decimal, decimal?, string> Cases() => new()
    {
        { Net(19.99m), Gross with { PriceEnding = 0.99m }, 23.99m, null, "list price 19.99 net + 19 % VAT = 23.79 → rounded 23.99 EUR gross" },
        { Net(19.99m), Gross, 23.79m, null, "list price 19.99 net + 19 % VAT = 23.79 EUR gross" },
        { Net(19.99m), Gross with { MarkupPercent = 10, PriceEnding = 0.99m }, 26.99m, null, "list price 19.99 net + 19 % VAT = 23.79 + 10 % markup = 26.17 → rounded 26.99 EUR gross" },
        { Net(19.99m), Gross with { PriceEnding = 0.99m, Floor = 25.00m }, 25.00m, null, "list price 19.99 net + 19 % VAT = 23.79 → rounded 23.99 → raised to the floor 25.00 EUR gross" },
        { Net(19.99m), Gross with { MarkupPercent = -5 }, 22.60m, null, "list price 19.99 net + 19 % VAT = 23.79 − 5 % discount = 22.60 EUR gross" },
        { GrossPrice(23.80m), Gross with { Basis = PriceBasis.Net }, 20.00m, null, "list price 23.80 gross − 19 % VAT = 20.00 EUR net" },
        { GrossPrice(23.99m), Gross, 23.99m, null, "list price 23.99 EUR gross" },
        { GrossPrice(23.99m), Gross with { PriceEnding = 0.99m, Floor = 10m }, 23.99m, null, "list price 23.99 EUR gross" },
        { GrossPrice(19.995m), Gross, 20.00m, null, "list price 19.995 gross → 20.00 EUR gross" },
        { Net(10m) with { VatRatePercent = 0 }, Gross, 10.00m, null, "list price 10.00 net + 0 % VAT = 10.00 EUR gross" },
        { Net(9.99m, "B2B"), Gross with { PriceList = "B2B" }, 11.89m, null, "price of price group B2B 9.99 net + 19 % VAT = 11.89 EUR gross" },
        {
            Net(19.99m) with { CompareAtAmount = new Money(29.99m, CurrencyCode.Eur) }, Gross with { PriceEnding = 0.99m }, 23.99m, 35.99m,
            "list price 19.99 net + 19 % VAT = 23.79 → rounded 23.99 EUR gross; compare-at 29.99 net + 19 % VAT = 35.69 → rounded 35.99 EUR gross"
        },
        {
            Net(19.99m) with { CompareAtAmount = new Money(20.10m, CurrencyCode.Eur) }, Gross with { PriceEnding = 0.99m }, 23.99m, null,
            "list price 19.99 net + 19 % VAT = 23.79 → rounded 23.99 EUR gross; compare-at 20.10 net + 19 % VAT = 23.92 → rounded 23.99 EUR gross is not above the price, so no compare-at price is sent"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quote_IssueCases_GivesPriceCompareAtAndExactExplanation(ErpPrice price, PriceRules rules, decimal expected, decimal? compareAt, string explanation)
    {
        var quote = PriceCalculation.Quote(price, rules, Shop);

        Assert.False(quote.IsRefused, quote.Refusal);
        Assert.Equal(new Money(expected, rules.Currency), quote.Price);
        Assert.Equal(compareAt is { } c ? new Money(c, rules.Currency) : null, quote.CompareAtPrice);
        Assert.Equal(explanation, quote.Explanation);
    }

    public static TheoryData<ErpPrice, string> Refusals() => new()
    {
        { Net(19.99m) with { Amount = new Money(19.99m, CurrencyCode.Usd) }, "article 4711: the list price 19.99 is in USD, but connection shop-de sells in EUR; prices are never converted" },
        { Net(19.99m) with { CompareAtAmount = new Money(29.99m, CurrencyCode.Chf) }, "article 4711: the compare-at price 29.99 is in CHF, but connection shop-de sells in EUR; prices are never converted" },
        { Net(-1m), "article 4711: the list price -1.00 EUR is negative; a price must be zero or more" },
        { Net(19.99m) with { CompareAtAmount = new Money(-5m, CurrencyCode.Eur) }, "article 4711: the compare-at price -5.00 EUR is negative; a price must be zero or more" },
        { Net(19.99m) with { VatRatePercent = 119 }, "article 4711: the VAT rate 119 % is outside 0 to 100 %, so its list price cannot be published" },
        { Net(19.99m) with { VatRatePercent = -7 }, "article 4711: the VAT rate -7 % is outside 0 to 100 %, so its list price cannot be published" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Quote_PriceThatCannotBePublished_IsRefusedNamingArticleAndField(ErpPrice price, string refusal)
    {
        var quote = PriceCalculation.Quote(price, Gross, Shop);

        Assert.True(quote.IsRefused);
        Assert.Equal(refusal, quote.Refusal);
        Assert.Equal(refusal, quote.Explanation);
        Assert.Null(quote.CompareAtPrice);
    }

    [Fact]
    public void Quote_InvalidRules_IsRefusedAsArgument()
    {
        var error = Assert.Throws<ArgumentException>(() => PriceCalculation.Quote(Net(1m), Gross with { MarkupPercent = -100 }, Shop));

        Assert.Contains("markup", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_FloorOrWholeAmount_CarriesTheCurrencysDecimals()
    {
        var floored = PriceCalculation.Quote(Net(1m), Gross with { Floor = 25m }, Shop);
        var whole = PriceCalculation.Quote(GrossPrice(24m), Gross, Shop);

        Assert.Equal("25.00", floored.Price.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("24.00", whole.Price.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(PriceBasis.Gross)]
    [InlineData(PriceBasis.Net)]
    public void Quote_RulesBasis_TravelsWithTheQuoteAndTheUpdate(PriceBasis basis)
    {
        // The connector checks the basis against the marketplace's "prices include tax" setting, so it must arrive.
        var quote = PriceCalculation.Quote(Net(19.99m), Gross with { Basis = basis }, Shop);
        var update = new PriceSend(new Connect.Sdk.Articles.Article("4711", "Mug", Connect.Sdk.Articles.ArticleKind.Simple), new Connect.Sdk.ForeignNumbers.ForeignNumber(Connect.Sdk.ForeignNumbers.ForeignNumberLabel.Sku, "MUG"), quote).ToUpdate();

        Assert.Equal(basis, quote.Basis);
        Assert.Equal(basis, update.Basis);
    }

    [Fact]
    public void Validate_FloorWithMoreDecimalsThanTheCurrency_IsAProblem()
    {
        var problems = (Gross with { Floor = 9.995m }).Validate();

        Assert.Equal(["The floor 9.995 has more decimals than EUR has (2)."], problems);
    }

    [Fact]
    public void Quote_CurrencyWithoutMinorUnit_RoundsToWholeUnits()
    {
        var quote = PriceCalculation.Quote(new ErpPrice("4711", new Money(1000m, new CurrencyCode("JPY")), PriceBasis.Net, 10), Gross with { Currency = new CurrencyCode("JPY"), MarkupPercent = 3.33m }, Shop);

        Assert.Equal(new Money(1137m, new CurrencyCode("JPY")), quote.Price);
        Assert.Equal("list price 1000 net + 10 % VAT = 1100 + 3.33 % markup = 1137 JPY gross", quote.Explanation);
    }

    private static readonly Gen<decimal> Cents = Gen.Int[0, 10_000_000].Select(c => c / 100m);

    private static readonly Gen<decimal> VatRate = Gen.OneOfConst(0m, 5m, 7m, 7.7m, 10m, 19m, 20m, 21m, 25m, 27m);

    private static readonly Gen<PriceRules> Rules = Gen.Select(
        Gen.Enum<PriceBasis>(),
        Gen.Int[-90, 200],
        Gen.Int[-1, 99].Select(e => e < 0 ? (decimal?)null : e / 100m),
        Gen.Int[-1, 10_000].Select(f => f < 0 ? (decimal?)null : f / 100m),
        (basis, markup, ending, floor) => new PriceRules { Basis = basis, MarkupPercent = markup, PriceEnding = ending, Floor = floor });

    [Fact]
    public void Quote_AnyPriceAndRules_EndsInTheEndingOrIsTheFloor_NeverBelowTheFloor_InCents()
    {
        Gen.Select(Cents, VatRate, Gen.Enum<PriceBasis>(), Rules).Sample((amount, rate, basis, rules) =>
        {
            var quote = PriceCalculation.Quote(new ErpPrice("4711", new Money(amount, CurrencyCode.Eur), basis, rate), rules, Shop);
            var price = quote.Price.Amount;
            var raisedToFloor = rules.Floor is { } floor && price == floor;
            return !quote.IsRefused
                   && price >= (rules.Floor ?? 0)
                   && decimal.Round(price, 2) == price
                   && (rules.PriceEnding is not { } ending || raisedToFloor || price - decimal.Floor(price) == ending)
                   && quote.Explanation.EndsWith("EUR " + (rules.Basis == PriceBasis.Gross ? "gross" : "net"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Quote_EndingAndFloor_NeverLowerThePriceOfTheBareRules()
    {
        Gen.Select(Cents, VatRate, Rules).Sample((amount, rate, rules) =>
        {
            var price = new ErpPrice("4711", new Money(amount, CurrencyCode.Eur), PriceBasis.Net, rate);
            var bare = PriceCalculation.Quote(price, rules with { PriceEnding = null, Floor = null }, Shop).Price.Amount;
            return PriceCalculation.Quote(price, rules, Shop).Price.Amount >= bare;
        });
    }

    [Fact]
    public void UpToEnding_AnyAmount_IsTheSmallestAmountAtOrAboveEndingInTheFraction()
    {
        Gen.Select(Cents, Gen.Int[0, 99]).Sample((amount, cents) =>
        {
            var ending = cents / 100m;
            var ended = PriceCalculation.UpToEnding(amount, ending);
            return ended >= amount && ended - amount < 1 && ended - decimal.Floor(ended) == ending;
        });
    }

    [Fact]
    public void Quote_NetToGrossAndBack_GivesTheNetPriceAgain()
    {
        Gen.Select(Cents, VatRate).Sample((net, rate) =>
        {
            var gross = PriceCalculation.Quote(new ErpPrice("4711", new Money(net, CurrencyCode.Eur), PriceBasis.Net, rate), Gross, Shop).Price;
            var back = PriceCalculation.Quote(new ErpPrice("4711", gross, PriceBasis.Gross, rate), Gross with { Basis = PriceBasis.Net }, Shop).Price;
            return back.Amount == net;
        });
    }

    [Fact]
    public void Quote_MoreInTheErp_NeverPublishesLess()
    {
        Gen.Select(Cents, Gen.Int[0, 100_000], VatRate, Rules).Sample((amount, more, rate, rules) =>
        {
            var lower = PriceCalculation.Quote(new ErpPrice("4711", new Money(amount, CurrencyCode.Eur), PriceBasis.Net, rate), rules, Shop).Price.Amount;
            var higher = PriceCalculation.Quote(new ErpPrice("4711", new Money(amount + (more / 100m), CurrencyCode.Eur), PriceBasis.Net, rate), rules, Shop).Price.Amount;
            return higher >= lower;
        });
    }

    private static ErpPrice Net(decimal amount, string article = "4711") => new(article, new Money(amount, CurrencyCode.Eur), PriceBasis.Net, 19);

    private static ErpPrice GrossPrice(decimal amount) => new("4711", new Money(amount, CurrencyCode.Eur), PriceBasis.Gross, 19);
}
