using System.Text.Json.Nodes;
using Connect.Sdk.Orders;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Testing.Fakes.Shopware;

/// <summary>
/// Renders a seeded order as Shopware's order entity with every association: <c>price</c> (a CartPrice with
/// <c>taxStatus</c> gross or net), <c>shippingCosts</c>, <c>amountTotal</c>, <c>amountNet</c>, <c>lineItems</c> with their
/// CalculatedPrice and <c>payload.productNumber</c>, one delivery with its <c>shippingOrderAddress</c>, one transaction
/// with its <c>paymentMethod</c>, <c>billingAddress</c>, <c>orderCustomer</c> and <c>currency</c>. Money is a JSON number.
/// </summary>
internal static class ShopwareOrderJson
{
    private static readonly InstantPattern Date = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fff'+00:00'");

    public static JsonObject Render(MarketplaceOrder order, string id, string deliveryId, Func<string, string> productIdOf)
    {
        var gross = order.PricesIncludeTax;
        var lines = new JsonArray();
        var taxes = new List<(decimal Rate, decimal Tax, decimal Price)>();
        var position = 0m;
        var promotion = new Promotion();
        foreach (var line in order.Lines)
        {
            var lineTotal = line.UnitPrice.Amount * line.Quantity;
            var rate = (line.TaxRate ?? 0m) * 100m;
            var tax = line.TaxAmount?.Amount ?? 0m;
            position += lineTotal;
            taxes.Add((rate, tax, lineTotal));
            var productNumber = line.ForeignNumber?.Value ?? line.Sku ?? string.Empty;
            var productId = productIdOf(productNumber);

            // Shopware keeps a product at its price and a discount as a promotion line item of its own, whose tax
            // reverses the tax of the lines it discounted.
            var discount = line.Discount?.Amount ?? 0m;
            var listTotal = lineTotal + discount;
            var listTax = discount == 0m || line.TaxRate is not { } fraction ? tax : decimal.Round(gross ? listTotal * fraction / (1m + fraction) : listTotal * fraction, 2, MidpointRounding.AwayFromZero);
            promotion.Add(productId, line.Quantity, discount, rate, tax - listTax);
            var listUnit = line.Quantity == 0 ? line.UnitPrice.Amount : listTotal / line.Quantity;
            lines.Add(new JsonObject
            {
                ["id"] = line.LineId,
                ["orderId"] = id,
                ["identifier"] = productId,
                ["productId"] = productId,
                ["referencedId"] = productId,
                ["type"] = "product",
                ["label"] = line.Title,
                ["quantity"] = line.Quantity,
                ["unitPrice"] = listUnit,
                ["totalPrice"] = listTotal,
                ["position"] = lines.Count + 1,
                ["price"] = CalculatedPrice(listUnit, line.Quantity, listTotal, line.TaxRate is null ? [] : [(rate, listTax, listTotal)]),
                ["payload"] = new JsonObject { ["productNumber"] = productNumber },
            });
        }

        if (promotion.Total != 0m)
        {
            lines.Add(new JsonObject
            {
                ["id"] = id[..^4] + "d15c",
                ["orderId"] = id,
                ["identifier"] = id[..^4] + "d15c",
                ["type"] = "promotion",
                ["label"] = "Discount",
                ["quantity"] = 1,
                ["unitPrice"] = promotion.Total,
                ["totalPrice"] = promotion.Total,
                ["position"] = lines.Count + 1,
                ["good"] = false,
                ["price"] = CalculatedPrice(promotion.Total, 1, promotion.Total, promotion.Taxes),
                ["payload"] = new JsonObject { ["code"] = string.Empty, ["discountType"] = "absolute", ["discountScope"] = "cart", ["composition"] = promotion.Composition },
            });
        }

        var shipping = order.ShippingCost.Amount;
        var shippingTax = order.ShippingTax?.Amount ?? 0m;
        var shippingRate = taxes.Count > 0 ? taxes.Max(t => t.Rate) : 0m;
        var shippingTaxes = order.ShippingTax is null ? Array.Empty<(decimal, decimal, decimal)>() : [(shippingRate, shippingTax, shipping)];
        var allTaxes = taxes.Where(t => t.Rate > 0 || t.Tax > 0).Concat(shippingTaxes).GroupBy(t => t.Item1).Select(g => (g.Key, g.Sum(t => t.Item2), g.Sum(t => t.Item3))).ToArray();
        var taxSum = allTaxes.Sum(t => t.Item2);
        var computed = position + shipping + (gross ? 0m : taxSum);
        var total = order.Total?.Amount ?? computed;
        var net = gross ? total - taxSum : position + shipping;
        var shippingCosts = CalculatedPrice(shipping, 1, shipping, shippingTaxes);
        return new JsonObject
        {
            ["id"] = id,
            ["orderNumber"] = order.OrderNumber,
            ["currencyId"] = ShopwareFake.DefaultCurrencyId,
            ["currencyFactor"] = 1,
            ["orderDateTime"] = Date.Format(order.CreatedAt),
            ["createdAt"] = Date.Format(order.CreatedAt),
            ["updatedAt"] = null,
            ["price"] = new JsonObject
            {
                ["netPrice"] = net,
                ["totalPrice"] = total,
                ["positionPrice"] = position,
                ["rawTotal"] = total,
                ["taxStatus"] = gross ? "gross" : "net",
                ["calculatedTaxes"] = Taxes(allTaxes),
            },
            ["shippingCosts"] = shippingCosts,
            ["shippingTotal"] = shipping,
            ["amountTotal"] = total,
            ["amountNet"] = net,
            ["positionPrice"] = position,
            ["taxStatus"] = gross ? "gross" : "net",
            ["itemRounding"] = new JsonObject { ["decimals"] = 2, ["interval"] = 0.01, ["roundForNet"] = true },
            ["totalRounding"] = new JsonObject { ["decimals"] = 2, ["interval"] = 0.01, ["roundForNet"] = true },
            ["currency"] = new JsonObject { ["id"] = ShopwareFake.DefaultCurrencyId, ["isoCode"] = order.Currency.Value },
            ["orderCustomer"] = Customer(order),
            ["billingAddress"] = Address(order.BillingAddress ?? order.ShippingAddress),
            ["lineItems"] = lines,
            ["deliveries"] = new JsonArray(new JsonObject
            {
                ["id"] = deliveryId,
                ["orderId"] = id,
                ["trackingCodes"] = new JsonArray(),
                ["shippingCosts"] = shippingCosts.DeepClone(),
                ["shippingDateEarliest"] = Date.Format(order.CreatedAt),
                ["shippingDateLatest"] = Date.Format(order.CreatedAt + Duration.FromDays(2)),
                ["shippingMethod"] = new JsonObject { ["name"] = "Standard" },
                ["shippingOrderAddress"] = Address(order.ShippingAddress),
                ["customFields"] = new JsonObject(),
            }),
            ["transactions"] = new JsonArray(new JsonObject
            {
                ["id"] = id[..^4] + "7a11",
                ["amount"] = CalculatedPrice(total, 1, total, []),
                ["paymentMethod"] = order.PaymentMethod is { } method ? new JsonObject { ["name"] = method } : null,
                ["stateMachineState"] = new JsonObject { ["technicalName"] = "open" },
            }),
        };
    }

    // The fake's one promotion per order: the lines' discounts, composed per line and taxed per rate as Shopware does.
    private sealed class Promotion
    {
        private readonly Dictionary<decimal, (decimal Tax, decimal Price)> _byRate = [];

        public decimal Total { get; private set; }

        public JsonArray Composition { get; } = [];

        public IEnumerable<(decimal Rate, decimal Tax, decimal Price)> Taxes => _byRate.Select(t => (t.Key, t.Value.Tax, t.Value.Price));

        public void Add(string lineId, int quantity, decimal discount, decimal rate, decimal tax)
        {
            if (discount == 0m)
            {
                return;
            }

            Total -= discount;
            Composition.Add(new JsonObject { ["id"] = lineId, ["quantity"] = quantity, ["discount"] = discount });
            var sum = _byRate.GetValueOrDefault(rate);
            _byRate[rate] = (sum.Tax + tax, sum.Price - discount);
        }
    }

    private static JsonObject CalculatedPrice(decimal unit, int quantity, decimal total, IEnumerable<(decimal Rate, decimal Tax, decimal Price)> taxes)
    {
        var list = taxes.ToArray();
        return new JsonObject
        {
            ["unitPrice"] = unit,
            ["quantity"] = quantity,
            ["totalPrice"] = total,
            ["calculatedTaxes"] = Taxes(list),
            ["taxRules"] = new JsonArray([.. list.Select(t => (JsonNode)new JsonObject { ["taxRate"] = t.Rate, ["percentage"] = 100 })]),
        };
    }

    private static JsonArray Taxes(IEnumerable<(decimal Rate, decimal Tax, decimal Price)> taxes) =>
        new([.. taxes.Select(t => (JsonNode)new JsonObject { ["tax"] = t.Tax, ["taxRate"] = t.Rate, ["price"] = t.Price })]);

    private static JsonObject Customer(MarketplaceOrder order)
    {
        var (first, last) = Names(order.BillingAddress?.Name ?? order.ShippingAddress?.Name ?? string.Empty);
        return new JsonObject { ["email"] = order.BuyerEmail, ["firstName"] = first, ["lastName"] = last };
    }

    private static JsonObject? Address(Address? address)
    {
        if (address is null)
        {
            return null;
        }

        var (first, last) = Names(address.Name);
        return new JsonObject
        {
            ["firstName"] = first,
            ["lastName"] = last,
            ["company"] = address.Company,
            ["street"] = address.Street,
            ["additionalAddressLine1"] = address.AddressLine2,
            ["zipcode"] = address.PostalCode,
            ["city"] = address.City,
            ["phoneNumber"] = address.Phone,
            ["country"] = new JsonObject { ["iso"] = address.CountryCode },
            ["countryState"] = address.Region is { } region ? new JsonObject { ["shortCode"] = region } : null,
        };
    }

    private static (string First, string Last) Names(string name)
    {
        var space = name.LastIndexOf(' ');
        return space < 0 ? (string.Empty, name) : (name[..space], name[(space + 1)..]);
    }
}
