using Connect.Sdk.Prices;
using NodaTime;

namespace Connect.Sdk.Tests.Prices;

public sealed class PriceDeltaTests
{
    private static readonly Money Eur = new(23.99m, CurrencyCode.Eur);

    public static TheoryData<string, SentPrice?, bool> Cases() => new()
    {
        { "never sent", null, true },
        { "same price, no compare-at", Sent(Eur, null), false },
        { "same amount with more decimals", Sent(new Money(23.990m, CurrencyCode.Eur), null), false },
        { "price differs", Sent(new Money(24.99m, CurrencyCode.Eur), null), true },
        { "currency differs", Sent(new Money(23.99m, CurrencyCode.Chf), null), true },
        { "a compare-at was sent and is now gone", Sent(Eur, new Money(29.99m, CurrencyCode.Eur)), true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsChanged_AgainstWhatWasSent_IsTrueOnlyWhenPriceCompareAtOrCurrencyDiffers(string situation, SentPrice? lastSent, bool changed)
    {
        var quote = new PriceQuote("4711", Eur, null, "list price 23.99 EUR gross");

        Assert.True(changed == PriceDelta.IsChanged(quote, lastSent), situation);
    }

    [Fact]
    public void Changed_LeavesOutRefusedAndUnchangedQuotes()
    {
        PriceQuote[] quotes =
        [
            new("A1", Eur, null, "x"),
            new("A2", Eur, null, "x"),
            PriceQuote.Refused("A3", CurrencyCode.Eur, "in USD"),
        ];

        var changed = PriceDelta.Changed(quotes, new Dictionary<string, SentPrice> { ["A1"] = Sent(Eur, null) with { ArticleNumber = "A1" } });

        Assert.Equal(["A2"], changed.Select(q => q.ArticleNumber));
    }

    private static SentPrice Sent(Money price, Money? compareAt) => new("4711", price, compareAt, Instant.FromUtc(2026, 11, 1, 8, 0));
}
