using System.Globalization;

namespace Connect.Sdk.Prices;

/// <summary>
/// A connection's price rules, as data: which ERP price list is published, in which currency, gross or net, with
/// what markup or discount, how it is rounded and the lowest price ever published. Applied in this order: the ERP's
/// price is turned to <see cref="Basis"/> with the article's VAT rate, the markup is applied, the amount is rounded to
/// the currency's minor unit and then up to <see cref="PriceEnding"/>, and finally raised to <see cref="Floor"/>.
/// </summary>
/// <remarks>
/// Money is never converted between currencies: an ERP price in another currency than <see cref="Currency"/> is
/// refused with a message. Check values from users with <see cref="Validate"/>; <c>PriceSync.SetRulesAsync</c> refuses
/// rules that have problems.
/// </remarks>
public sealed record PriceRules
{
    /// <summary>The name of the ERP's list price ("Listenpreis"), the price list of <see cref="Default"/>.</summary>
    public const string ListPrice = "list";

    /// <summary>The rules of a connection nobody configured: the list price, gross, in euros, unchanged, to the cent.</summary>
    public static PriceRules Default { get; } = new();

    /// <summary>The ERP price list to publish: <see cref="ListPrice"/> or the name of a price group.</summary>
    public string PriceList { get; init; } = ListPrice;

    /// <summary>Whether the marketplace expects prices with VAT (<see cref="PriceBasis.Gross"/>, the default) or without.</summary>
    public PriceBasis Basis { get; init; } = PriceBasis.Gross;

    /// <summary>The currency the connection sells in; ERP prices in any other currency are refused, never converted.</summary>
    public CurrencyCode Currency { get; init; } = CurrencyCode.Eur;

    /// <summary>A markup in percent (10 adds 10 %), or a discount when negative (−5 takes 5 % off); above −100.</summary>
    public decimal MarkupPercent { get; init; }

    /// <summary>
    /// The fraction every published price ends in, e.g. 0.99: a price is rounded up to the next amount ending in it
    /// (23.79 → 23.99, 24.00 → 24.99), so rounding never lowers a price. <see langword="null"/> rounds to the minor unit only.
    /// </summary>
    public decimal? PriceEnding { get; init; }

    /// <summary>The lowest price published, in <see cref="Currency"/> on <see cref="Basis"/>; <see langword="null"/> for none.</summary>
    public decimal? Floor { get; init; }

    /// <summary>Checks the values.</summary>
    /// <returns>One sentence per problem; empty when the rules can be used.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(PriceList))
        {
            problems.Add("The price list is empty; name the ERP's list price or a price group.");
        }

        if (Currency == default)
        {
            problems.Add("The currency is not set; name the currency the connection sells in, such as EUR.");
        }

        if (MarkupPercent <= -100)
        {
            problems.Add($"The markup is {Format(MarkupPercent)} % but must be above −100 % (a discount of 100 % or more leaves no price).");
        }

        if (PriceEnding is { } ending && (ending < 0 || ending >= 1))
        {
            problems.Add($"The price ending is {Format(ending)} but must be a fraction from 0 up to 1, such as 0.99.");
        }
        else if (PriceEnding is { } fraction && Currency != default && decimal.Round(fraction, Currency.MinorUnitDecimals) != fraction)
        {
            problems.Add($"The price ending {Format(fraction)} has more decimals than {Currency} has ({Currency.MinorUnitDecimals}).");
        }

        if (Floor < 0)
        {
            problems.Add($"The floor is {Format(Floor.Value)} but must be zero or more (or none).");
        }
        else if (Floor is { } floor && Currency != default && decimal.Round(floor, Currency.MinorUnitDecimals) != floor)
        {
            problems.Add($"The floor {Format(floor)} has more decimals than {Currency} has ({Currency.MinorUnitDecimals}).");
        }

        return problems;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var markup = MarkupPercent == 0 ? "no markup" : MarkupPercent > 0 ? $"+{Format(MarkupPercent)} %" : $"{Format(MarkupPercent)} %";
        var ending = PriceEnding is { } e ? $"ending {Format(e)}" : "to the minor unit";
        var floor = Floor is { } f ? $"floor {Format(f)}" : "no floor";
        return $"{PriceList} price, {Basis.ToString().ToLowerInvariant()} in {Currency}, {markup}, {ending}, {floor}";
    }

    private static string Format(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
