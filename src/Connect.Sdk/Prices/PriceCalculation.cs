using System.Globalization;
using System.Text;

namespace Connect.Sdk.Prices;

/// <summary>
/// Computes the price to publish from an ERP price and a connection's <see cref="PriceRules"/>, in this order: to the
/// rules' basis with the article's VAT rate (net to gross × (1 + rate/100), gross to net ÷), rounded to the currency's
/// minor unit (half away from zero); the markup or discount, rounded; up to the price ending; raised to the floor. The
/// compare-at price goes through the same steps and is kept only when above the price. Pure: the same input always
/// gives the same output, and money stays <see cref="decimal"/> throughout.
/// </summary>
public static class PriceCalculation
{
    /// <summary>Computes and explains the price to publish, or refuses it.</summary>
    /// <param name="price">The ERP price.</param>
    /// <param name="rules">The connection's rules.</param>
    /// <param name="connection">The connection, named in a refusal.</param>
    /// <returns>
    /// The quote; refused (<see cref="PriceQuote.IsRefused"/>) when the ERP price is in another currency than the rules'
    /// (prices are never converted), negative, or has a VAT rate outside 0 to 100.
    /// </returns>
    /// <exception cref="ArgumentException">The rules have problems (see <see cref="PriceRules.Validate"/>).</exception>
    public static PriceQuote Quote(ErpPrice price, PriceRules rules, ConnectionId connection)
    {
        ArgumentNullException.ThrowIfNull(price);
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"The price rules have problems: {string.Join(" ", problems)}", nameof(rules));
        }

        var listName = ListName(rules.PriceList);
        var refusal = RefusalOf(price, price.Amount, listName, rules, connection)
            ?? (price.CompareAtAmount is { } compareAt ? RefusalOf(price, compareAt, "compare-at price", rules, connection) : null);
        if (refusal is not null)
        {
            return PriceQuote.Refused(price.ArticleNumber, rules.Currency, refusal);
        }

        if (price.VatRatePercent is < 0 or > 100)
        {
            return PriceQuote.Refused(
                price.ArticleNumber,
                rules.Currency,
                $"article {price.ArticleNumber}: the VAT rate {Percent(price.VatRatePercent)} % is outside 0 to 100 %, so its {listName} cannot be published");
        }

        var text = new StringBuilder();
        var selling = Apply(price.Amount.Amount, price, rules, listName, text);
        if (price.CompareAtAmount is not { } compareAtAmount)
        {
            return new PriceQuote(price.ArticleNumber, selling, null, text.ToString()) { Basis = rules.Basis };
        }

        text.Append("; ");
        var compareAtPrice = Apply(compareAtAmount.Amount, price, rules, "compare-at", text);
        if (compareAtPrice.Amount > selling.Amount)
        {
            return new PriceQuote(price.ArticleNumber, selling, compareAtPrice, text.ToString()) { Basis = rules.Basis };
        }

        text.Append(" is not above the price, so no compare-at price is sent");
        return new PriceQuote(price.ArticleNumber, selling, null, text.ToString()) { Basis = rules.Basis };
    }

    /// <summary>The next amount at or above <paramref name="amount"/> that ends in <paramref name="ending"/> (23.79 → 23.99, 24.00 → 24.99 for 0.99).</summary>
    internal static decimal UpToEnding(decimal amount, decimal ending)
    {
        var candidate = decimal.Floor(amount) + ending;
        return candidate < amount ? candidate + 1 : candidate;
    }

    private static Money Apply(decimal amount, ErpPrice price, PriceRules rules, string name, StringBuilder text)
    {
        var decimals = rules.Currency.MinorUnitDecimals;
        text.Append(name).Append(' ').Append(Amount(amount, decimals));
        var startLength = text.Length;
        text.Append(' ').Append(BasisName(price.Basis));
        var value = Round(amount, decimals);

        // A change of basis is a step even at 0 % VAT: it says that the price now includes (or excludes) VAT.
        if (price.Basis != rules.Basis)
        {
            var factor = 1 + (price.VatRatePercent / 100m);
            value = Round(rules.Basis == PriceBasis.Gross ? amount * factor : amount / factor, decimals);
            text.Append(rules.Basis == PriceBasis.Gross ? " + " : " − ").Append(Percent(price.VatRatePercent)).Append(" % VAT = ").Append(Amount(value, decimals));
        }
        else if (value != amount)
        {
            text.Append(" → ").Append(Amount(value, decimals));
        }

        if (rules.MarkupPercent != 0)
        {
            var marked = Round(value * (1 + (rules.MarkupPercent / 100m)), decimals);
            if (marked != value)
            {
                text.Append(rules.MarkupPercent > 0 ? " + " : " − ")
                    .Append(Percent(Math.Abs(rules.MarkupPercent)))
                    .Append(rules.MarkupPercent > 0 ? " % markup = " : " % discount = ")
                    .Append(Amount(marked, decimals));
                value = marked;
            }
        }

        if (rules.PriceEnding is { } ending && UpToEnding(value, ending) is var ended && ended != value)
        {
            text.Append(" → rounded ").Append(Amount(ended, decimals));
            value = ended;
        }

        if (rules.Floor is { } floor && value < floor)
        {
            text.Append(" → raised to the floor ").Append(Amount(floor, decimals));
            value = floor;
        }

        if (price.Basis == rules.Basis && text.Length == startLength + 1 + BasisName(price.Basis).Length)
        {
            // Nothing was done to the price: "list price 23.99 EUR gross" rather than naming the basis twice.
            text.Length = startLength;
        }

        text.Append(' ').Append(rules.Currency.Value).Append(' ').Append(BasisName(rules.Basis));

        // Adding a zero of the currency's scale gives every price its minor unit's decimals (25 → 25.00), so that a
        // connector writing the decimal as it is sends the amount as the marketplace shows it.
        return new Money(value + new decimal(0, 0, 0, false, (byte)decimals), rules.Currency);
    }

    private static string? RefusalOf(ErpPrice price, Money amount, string field, PriceRules rules, ConnectionId connection)
    {
        if (amount.Currency != rules.Currency)
        {
            return $"article {price.ArticleNumber}: the {field} {Amount(amount.Amount, amount.Currency.MinorUnitDecimals)} is in {amount.Currency}, but connection {connection} sells in {rules.Currency}; prices are never converted";
        }

        return amount.Amount < 0
            ? $"article {price.ArticleNumber}: the {field} {Amount(amount.Amount, amount.Currency.MinorUnitDecimals)} {amount.Currency} is negative; a price must be zero or more"
            : null;
    }

    /// <summary>A price as the journal shows it: the currency's decimals and its code (<c>25.00 EUR</c>).</summary>
    internal static string Format(Money price) => $"{FormatAmount(price)} {price.Currency}";

    /// <summary>An amount with the currency's decimals (<c>25.00</c>), as marketplaces quote prices.</summary>
    internal static string FormatAmount(Money price) => Amount(price.Amount, price.Currency.MinorUnitDecimals);

    /// <summary>How the journal names the price list: <c>list price</c>, or the price group's price.</summary>
    internal static string ListName(string priceList) =>
        string.Equals(priceList, PriceRules.ListPrice, StringComparison.Ordinal) ? "list price" : $"price of price group {priceList}";

    private static string BasisName(PriceBasis basis) => basis == PriceBasis.Gross ? "gross" : "net";

    private static decimal Round(decimal amount, int decimals) => decimal.Round(amount, decimals, MidpointRounding.AwayFromZero);

    // Amounts show the currency's decimals (25.00), and more only when the ERP keeps more (19.995).
    private static string Amount(decimal amount, int decimals) =>
        amount.Scale > decimals ? amount.ToString("0.############################", CultureInfo.InvariantCulture) : amount.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Percent(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
