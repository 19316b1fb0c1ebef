using System.Globalization;
using Connect.Sdk.Orders;

namespace Connect.Sdk.Testing.Conformance;

/// <summary>
/// Compares the order seeded on a fake with the order the ERP received, field by field, and names every difference
/// ("Lines[1].UnitPrice: the fake holds 8.40 EUR, the ERP received 8.80 EUR"). Fields listed as ignored — exactly, or by
/// a prefix such as <c>BillingAddress</c>, with <c>Lines[]</c> standing for every line — are not compared.
/// </summary>
internal sealed class OrderComparison(IReadOnlyCollection<string> ignored)
{
    private readonly List<string> _differences = [];

    public IReadOnlyList<string> Compare(MarketplaceOrder expected, MarketplaceOrder actual)
    {
        _differences.Clear();
        Field("OrderNumber", expected.OrderNumber, actual.OrderNumber);
        Field("MarketplaceOrderId", expected.MarketplaceOrderId, actual.MarketplaceOrderId);
        Field("CreatedAt", expected.CreatedAt, actual.CreatedAt);
        Field("UpdatedAt", expected.UpdatedAt, actual.UpdatedAt);
        Field("Currency", expected.Currency, actual.Currency);
        Field("Status", expected.Status, actual.Status);
        Field("PricesIncludeTax", expected.PricesIncludeTax, actual.PricesIncludeTax);
        Field("ShippingCost", expected.ShippingCost, actual.ShippingCost);
        Field("ShippingDiscount", expected.ShippingDiscount, actual.ShippingDiscount);
        Field("ShippingTax", expected.ShippingTax, actual.ShippingTax);
        Field("RoundingDifference", expected.RoundingDifference, actual.RoundingDifference);
        Field("MarketplaceCollectedTax", expected.MarketplaceCollectedTax, actual.MarketplaceCollectedTax);
        Field("Total", expected.Total, actual.Total);
        Field("BuyerEmail", expected.BuyerEmail, actual.BuyerEmail);
        Field("PaymentMethod", expected.PaymentMethod, actual.PaymentMethod);
        AddressFields("BillingAddress", expected.BillingAddress, actual.BillingAddress);
        AddressFields("ShippingAddress", expected.ShippingAddress, actual.ShippingAddress);
        Lines(expected.Lines, actual.Lines);
        Fees(expected.Fees, actual.Fees);
        return _differences.ToArray();
    }

    private void Fees(IReadOnlyList<OrderFee> expected, IReadOnlyList<OrderFee> actual)
    {
        if (IsIgnored("Fees"))
        {
            return;
        }

        if (expected.Count != actual.Count)
        {
            _differences.Add($"Fees: the fake holds {expected.Count} fee(s), the ERP received {actual.Count}");
            return;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            Field($"Fees[{i}].Title", expected[i].Title, actual[i].Title);
            Field($"Fees[{i}].Amount", expected[i].Amount, actual[i].Amount);
            Field($"Fees[{i}].TaxAmount", expected[i].TaxAmount, actual[i].TaxAmount);
        }
    }

    private void Lines(IReadOnlyList<OrderLine> expected, IReadOnlyList<OrderLine> actual)
    {
        if (IsIgnored("Lines"))
        {
            return;
        }

        if (expected.Count != actual.Count)
        {
            _differences.Add($"Lines: the fake holds {expected.Count} line(s), the ERP received {actual.Count}");
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var line = expected[i];
            var path = $"Lines[{i}]";
            var received = actual.FirstOrDefault(l => l.LineId == line.LineId);
            if (received is null)
            {
                _differences.Add($"{path}: line '{line.LineId}' ({line.Title}) is missing in the ERP's order (lines received: {string.Join(", ", actual.Select(l => l.LineId))})");
                continue;
            }

            LineField(path, "ForeignNumber", line.ForeignNumber, received.ForeignNumber);
            LineField(path, "Sku", line.Sku, received.Sku);
            LineField(path, "Title", line.Title, received.Title);
            LineField(path, "Quantity", line.Quantity, received.Quantity);
            LineField(path, "UnitPrice", line.UnitPrice, received.UnitPrice);
            LineField(path, "TaxRate", line.TaxRate, received.TaxRate);
            LineField(path, "TaxAmount", line.TaxAmount, received.TaxAmount);
            LineField(path, "Discount", line.Discount, received.Discount);
        }
    }

    private void LineField<T>(string path, string name, T expected, T actual)
    {
        if (!IsIgnored("Lines[]." + name))
        {
            Field($"{path}.{name}", expected, actual);
        }
    }

    private void AddressFields(string path, Address? expected, Address? actual)
    {
        if (IsIgnored(path))
        {
            return;
        }

        if (expected is null || actual is null)
        {
            Field(path, expected, actual);
            return;
        }

        Field(path + ".Name", expected.Name, actual.Name);
        Field(path + ".Company", expected.Company, actual.Company);
        Field(path + ".Street", expected.Street, actual.Street);
        Field(path + ".AddressLine2", expected.AddressLine2, actual.AddressLine2);
        Field(path + ".PostalCode", expected.PostalCode, actual.PostalCode);
        Field(path + ".City", expected.City, actual.City);
        Field(path + ".Region", expected.Region, actual.Region);
        Field(path + ".CountryCode", expected.CountryCode, actual.CountryCode);
        Field(path + ".Phone", expected.Phone, actual.Phone);
    }

    private void Field<T>(string path, T expected, T actual)
    {
        if (!IsIgnored(path) && !EqualityComparer<T>.Default.Equals(expected, actual))
        {
            _differences.Add($"{path}: the fake holds {Show(expected)}, the ERP received {Show(actual)}");
        }
    }

    private bool IsIgnored(string path) =>
        ignored.Any(i => string.Equals(i, path, StringComparison.Ordinal) || path.StartsWith(i + ".", StringComparison.Ordinal));

    private static string Show<T>(T value) => value switch
    {
        null => "(nothing)",
        string text => $"'{text}'",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "(nothing)",
    };
}
