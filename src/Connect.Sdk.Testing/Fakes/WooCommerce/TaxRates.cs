using System.Globalization;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <summary>
/// The tax rates one order uses, as WooCommerce renders them: each line's <c>taxes[]</c> names a rate id, and the order's
/// <c>tax_lines[]</c> has one entry per rate id with its percentage (<c>rate_percent</c>, sent since WooCommerce 5.7).
/// A line taxed at a rate the seed does not name gets a rate without a percentage, as an older shop sends it.
/// </summary>
internal sealed class TaxRates
{
    // WooCommerce numbers its rates from the shop's tax settings; any stable ids do.
    private const long FirstRateId = 71;

    private readonly List<(decimal? Rate, long Id, decimal Total)> _rates = [];

    /// <summary>The rate id of a line taxed at <paramref name="rate"/>, or <see langword="null"/> for an untaxed line.</summary>
    /// <param name="rate">The line's rate as a fraction, if the seed names one.</param>
    /// <param name="tax">The line's tax after discount, added to the rate's total.</param>
    /// <returns>The rate id.</returns>
    public long? IdOf(decimal? rate, decimal tax)
    {
        if (rate is null && tax == 0m)
        {
            return null;
        }

        var index = _rates.FindIndex(r => r.Rate == rate);
        if (index < 0)
        {
            _rates.Add((rate, FirstRateId + _rates.Count, 0m));
            index = _rates.Count - 1;
        }

        var entry = _rates[index];
        _rates[index] = entry with { Total = entry.Total + tax };
        return entry.Id;
    }

    /// <summary>The order's <c>tax_lines[]</c>.</summary>
    /// <param name="nextLineId">Issues the id of each tax line (an order item in WooCommerce, like a product line).</param>
    /// <returns>The tax lines.</returns>
    public JsonArray Render(Func<long> nextLineId)
    {
        var lines = new JsonArray();
        foreach (var (rate, id, total) in _rates)
        {
            var percent = rate * 100m;
            var line = new JsonObject
            {
                ["id"] = nextLineId(),
                ["rate_code"] = percent is { } p ? string.Create(CultureInfo.InvariantCulture, $"DE-MWST {p:0.##}%-1") : "TAX-1",
                ["rate_id"] = id,
                ["label"] = "MwSt.",
                ["compound"] = false,
                ["tax_total"] = total.ToString("0.00", CultureInfo.InvariantCulture),
                ["shipping_tax_total"] = "0.00",
                ["meta_data"] = new JsonArray(),
            };
            if (percent is { } value)
            {
                line["rate_percent"] = JsonValue.Create(value);
            }

            lines.Add(line);
        }

        return lines;
    }
}
