using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connect.Sdk.Testing.Fakes.Shopify.GraphQL;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <content>Orders: seeding, the cursor-paged list with its search query, one order, and <c>fulfillmentCreate</c>.</content>
public sealed partial class ShopifyFake
{
    /// <summary>Places an order with one open fulfillment order holding every line.</summary>
    /// <param name="order">
    /// The order. Its name is <c>#</c> and the order number. A numeric <see cref="MarketplaceOrder.MarketplaceOrderId"/>
    /// or <see cref="OrderLine.LineId"/> becomes the id (otherwise the fake numbers the order above 2^53; a non-numeric
    /// line id without <c>/</c> stays the last segment of the line item's GID, so a test finds the lines it seeded). A line
    /// whose foreign number is a seeded variant (or product) points at it. The order's amounts are the SDK's (after
    /// discounts); the fake renders Shopify's: a line's <c>originalUnitPriceSet</c> before its discount
    /// ((<see cref="OrderLine.Total"/> + <see cref="OrderLine.Discount"/>) / quantity) and the discount as its
    /// <c>discountAllocations</c>; one shipping line with <c>originalPriceSet</c> before and <c>discountedPriceSet</c>
    /// after the shipping discount, which becomes its <c>discountAllocations</c>, and the shipping tax its
    /// <c>taxLines</c>; <c>totalDiscountsSet</c> the sum of the discounts; <c>totalPriceSet</c> the seeded total, else
    /// Shopify's sum (lines after discounts, shipping after discounts, and the taxes unless <c>taxesIncluded</c>); the
    /// payment method <c>paymentGatewayNames</c>. A seeded status of shipped or completed ships every line.
    /// </param>
    /// <exception cref="ArgumentException">A line's variant is not seeded, the order number exists, or the order has fees (Shopify has no fee lines; add a tip, duties or additional fees with <see cref="AddCharges"/>).</exception>
    public override void SeedOrder(MarketplaceOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        PlaceOrder(order, [[.. order.Lines.Select((l, i) => (i, l.Quantity))]]);
    }

    /// <summary>
    /// Places an order whose lines Shopify split over several fulfillment orders, as it does for lines that ship from
    /// different locations (or in parts from one): a client has to read every fulfillment order to ship the whole order.
    /// </summary>
    /// <param name="order">The order, as <see cref="SeedOrder(MarketplaceOrder)"/> takes it; its lines need distinct line ids.</param>
    /// <param name="fulfillmentOrders">
    /// The fulfillment orders in the order Shopify lists them, each with the lines it holds (by <see cref="OrderLine.LineId"/>)
    /// and how many units of each. A line may be split over several; together they hold every unit of every line.
    /// </param>
    /// <exception cref="ArgumentException">
    /// As for <see cref="SeedOrder(MarketplaceOrder)"/>; also no or an empty fulfillment order, a line id the order does not
    /// have (or has twice), a quantity below 1, or quantities that do not add up to a line's quantity.
    /// </exception>
    public void SeedOrder(MarketplaceOrder order, IReadOnlyList<IReadOnlyList<ShippedLine>> fulfillmentOrders)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(fulfillmentOrders);
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < order.Lines.Count; i++)
        {
            if (order.Lines[i].LineId is not { } lineId || !indexOf.TryAdd(lineId, i))
            {
                throw new ArgumentException($"Line {i + 1} of order {order.OrderNumber} needs a line id of its own to be split over fulfillment orders.", nameof(order));
            }
        }

        var split = new List<IReadOnlyList<(int Line, int Quantity)>>();
        foreach (var fulfillmentOrder in fulfillmentOrders)
        {
            if (fulfillmentOrder is not { Count: > 0 })
            {
                throw new ArgumentException("A fulfillment order holds at least one line.", nameof(fulfillmentOrders));
            }

            split.Add([.. fulfillmentOrder.Select(l => indexOf.TryGetValue(l.LineId, out var index) && l.Quantity > 0
                ? (index, l.Quantity)
                : throw new ArgumentException($"Order {order.OrderNumber} has no line {l.LineId} to put {l.Quantity} unit(s) of on a fulfillment order.", nameof(fulfillmentOrders)))]);
        }

        PlaceOrder(order, split);
    }

    private void PlaceOrder(MarketplaceOrder order, List<IReadOnlyList<(int Line, int Quantity)>> fulfillmentOrders)
    {
        if (fulfillmentOrders.Count == 0)
        {
            throw new ArgumentException("An order has at least one fulfillment order.", nameof(fulfillmentOrders));
        }

        for (var i = 0; i < order.Lines.Count; i++)
        {
            var held = fulfillmentOrders.SelectMany(f => f).Where(l => l.Line == i).Sum(l => l.Quantity);
            if (held != order.Lines[i].Quantity)
            {
                throw new ArgumentException($"The fulfillment orders hold {held} unit(s) of line {order.Lines[i].LineId ?? (i + 1).ToString(CultureInfo.InvariantCulture)}, which has {order.Lines[i].Quantity}.", nameof(fulfillmentOrders));
            }
        }

        if (order.Fees.Count > 0)
        {
            throw new ArgumentException($"Order {order.OrderNumber} has fees; Shopify has no fee lines: add a tip, duties or additional fees with AddCharges.", nameof(order));
        }

        lock (Gate)
        {
            var name = NameOf(order.OrderNumber);
            if (_orders.Exists(o => o.Name == name))
            {
                throw new ArgumentException($"Order {order.OrderNumber} exists already.", nameof(order));
            }

            var id = IdOrNext(order.MarketplaceOrderId);
            var shipped = order.Status == OrderStatus.Shipped || order.Status == OrderStatus.Completed;
            var lineKeys = new List<string>();
            var lineNodes = new JsonArray();
            foreach (var line in order.Lines)
            {
                ShopifyVariant? variant = null;
                if (line.ForeignNumber is { } foreignNumber)
                {
                    variant = FindVariant(foreignNumber)
                        ?? throw new ArgumentException($"Line {line.LineId}: no variant is {foreignNumber}; seed it first.", nameof(order));
                }

                var lineKey = LineKeyOf(line.LineId);
                lineKeys.Add(lineKey);
                var taxLines = new JsonArray();
                if (line.TaxAmount is not null || line.TaxRate is not null)
                {
                    // Shopify's tax lines carry both rate and amount; a seed that gives only the rate gets the amount it implies.
                    var rate = line.TaxRate ?? 0m;
                    var gross = line.UnitPrice.Amount * line.Quantity;
                    var amount = line.TaxAmount?.Amount ?? Math.Round(order.PricesIncludeTax ? gross - (gross / (1 + rate)) : gross * rate, 2, MidpointRounding.AwayFromZero);
                    taxLines.Add(new JsonObject { ["title"] = "VAT", ["rate"] = rate, ["priceSet"] = MoneyBag(amount, order.Currency.Value) });
                }

                var discounts = new JsonArray();
                if (line.Discount is { } discount)
                {
                    discounts.Add(new JsonObject { ["allocatedAmountSet"] = MoneyBag(discount.Amount, order.Currency.Value) });
                }

                lineNodes.Add(new JsonObject
                {
                    ["id"] = "gid://shopify/LineItem/" + lineKey,
                    ["title"] = line.Title,

                    // The line item keeps the SKU it was sold under; the variant's may have changed since.
                    ["sku"] = line.Sku ?? variant?.Sku,
                    ["quantity"] = line.Quantity,

                    // No order edits in the fake: every unit ordered is still on the order.
                    ["currentQuantity"] = line.Quantity,
                    ["variant"] = variant is null ? null : new JsonObject { ["id"] = ShopifyGid.Of("ProductVariant", variant.Id) },
                    ["product"] = variant is null ? null : new JsonObject { ["id"] = ShopifyGid.Of("Product", variant.ProductId) },
                    // The SDK's unit price is after the line's discount; Shopify's original price is before it.
                    ["originalUnitPriceSet"] = MoneyBag((line.Total.Amount + (line.Discount?.Amount ?? 0m)) / line.Quantity, order.Currency.Value),
                    ["taxLines"] = taxLines,
                    ["discountAllocations"] = discounts,
                });
            }

            var currency = order.Currency.Value;
            var shippingDiscount = order.ShippingDiscount?.Amount ?? 0m;
            var shippingLine = new JsonObject
            {
                ["title"] = "Shipping",
                ["originalPriceSet"] = MoneyBag(order.ShippingCost.Amount + shippingDiscount, currency),
                ["discountedPriceSet"] = MoneyBag(order.ShippingCost.Amount, currency),
                ["taxLines"] = order.ShippingTax is { } shippingTax
                    ? new JsonArray(new JsonObject { ["title"] = "VAT", ["priceSet"] = MoneyBag(shippingTax.Amount, currency) })
                    : new JsonArray(),
                ["discountAllocations"] = shippingDiscount == 0m
                    ? new JsonArray()
                    : new JsonArray(new JsonObject { ["allocatedAmountSet"] = MoneyBag(shippingDiscount, currency) }),
            };
            var json = new JsonObject
            {
                ["id"] = ShopifyGid.Of("Order", id),
                ["name"] = name,
                ["createdAt"] = InstantPattern.General.Format(order.CreatedAt),
                ["currencyCode"] = currency,
                ["email"] = order.BuyerEmail,
                ["taxesIncluded"] = order.PricesIncludeTax,
                ["displayFinancialStatus"] = order.Status == OrderStatus.Pending ? "PENDING" : "PAID",
                ["cancelledAt"] = order.Status == OrderStatus.Cancelled ? InstantPattern.General.Format(order.UpdatedAt) : null,
                ["totalPriceSet"] = MoneyBag(order.Total?.Amount ?? TotalPriceOf(lineNodes, shippingLine, order.PricesIncludeTax), currency),

                // Before any refund or edit the current total is the total (RemoveUnits lowers it).
                ["currentTotalPriceSet"] = MoneyBag(order.Total?.Amount ?? TotalPriceOf(lineNodes, shippingLine, order.PricesIncludeTax), currency),

                // No tip, no duties, no additional fees until AddCharges: Shopify's tip bag is never null, the others are.
                ["totalTipReceivedSet"] = MoneyBag(0m, currency),
                ["currentTotalDutiesSet"] = null,
                ["currentTotalAdditionalFeesSet"] = null,
                ["totalDiscountsSet"] = MoneyBag(SumOf(lineNodes, "discountAllocations", "allocatedAmountSet") + shippingDiscount, currency),
                ["totalShippingPriceSet"] = MoneyBag(order.ShippingCost.Amount, currency),
                ["shippingLines"] = new JsonObject { ["nodes"] = new JsonArray(shippingLine) },
                ["paymentGatewayNames"] = order.PaymentMethod is { } gateway ? new JsonArray(gateway) : new JsonArray(),
                ["shippingAddress"] = RenderAddress(order.ShippingAddress),
                ["billingAddress"] = RenderAddress(order.BillingAddress ?? order.ShippingAddress),
                ["lineItems"] = new JsonObject
                {
                    ["nodes"] = lineNodes,
                    ["pageInfo"] = new JsonObject { ["hasNextPage"] = false, ["endCursor"] = null },
                },
            };
            _orders.Add(new ShopifyOrder
            {
                Id = id,
                Name = name,
                FulfillmentOrders = [.. fulfillmentOrders.Select(f => new ShopifyFulfillmentOrder
                {
                    Id = NextId(),
                    Lines = [.. f.Select(l => new ShopifyOrderLine { Key = lineKeys[l.Line], FulfillmentOrderLineItemId = NextId(), Quantity = l.Quantity, Remaining = shipped ? 0 : l.Quantity })],
                })],
                SeededStatus = order.Status,
                UpdatedAt = order.UpdatedAt,
                Json = json,
            });
        }
    }

    /// <summary>
    /// Takes units of a line off a placed order, as a refund of line items or an order edit does on Shopify: the line's
    /// <c>currentQuantity</c> drops, while its <c>taxLines</c> and <c>discountAllocations</c> keep counting every unit
    /// ordered (Shopify documents both as "including refunded and removed quantities"), and so does <c>totalPriceSet</c>
    /// ("before returns"). <c>currentTotalPriceSet</c> drops by what the units cost after their share of the line's
    /// discounts, plus their share of its tax unless prices include it (each share rounded to the cent), and
    /// <c>displayFinancialStatus</c> becomes <c>PARTIALLY_REFUNDED</c>. Fulfillment orders keep their quantities.
    /// </summary>
    /// <param name="orderNumber">The order number, with or without <c>#</c>.</param>
    /// <param name="lineId">The line's id as seeded.</param>
    /// <param name="units">How many units to take off; at most the units left.</param>
    /// <exception cref="ArgumentException">The order or line is unknown, or fewer units are left.</exception>
    public void RemoveUnits(string orderNumber, string lineId, int units)
    {
        lock (Gate)
        {
            var order = FindOrder(orderNumber) ?? throw new ArgumentException($"No order {orderNumber}.", nameof(orderNumber));
            var line = order.Json["lineItems"]!["nodes"]!.AsArray().OfType<JsonObject>().FirstOrDefault(l => (string?)l["id"] == "gid://shopify/LineItem/" + lineId)
                ?? throw new ArgumentException($"Order {orderNumber} has no line {lineId}.", nameof(lineId));
            var ordered = (int)line["quantity"]!;
            var left = (int)line["currentQuantity"]!;
            if (units < 1 || units > left)
            {
                throw new ArgumentException($"Line {lineId} has {left} units left; {units} cannot be taken off.", nameof(units));
            }

            var afterDiscounts = (AmountOf(line["originalUnitPriceSet"]) * ordered) - SumOf(line, "discountAllocations", "allocatedAmountSet");
            var refund = Math.Round(afterDiscounts * units / ordered, 2, MidpointRounding.AwayFromZero)
                + ((bool)order.Json["taxesIncluded"]! ? 0m : Math.Round(SumOf(line, "taxLines", "priceSet") * units / ordered, 2, MidpointRounding.AwayFromZero));
            line["currentQuantity"] = left - units;
            var currency = (string)order.Json["currencyCode"]!;
            order.Json["currentTotalPriceSet"] = MoneyBag(AmountOf(order.Json["currentTotalPriceSet"]) - refund, currency);
            order.Json["displayFinancialStatus"] = "PARTIALLY_REFUNDED";
        }
    }

    /// <summary>
    /// Adds what a buyer pays beside the lines and the shipping: a tip (<c>totalTipReceivedSet</c>), duties
    /// (<c>currentTotalDutiesSet</c>) and additional fees such as a retail delivery fee (<c>currentTotalAdditionalFeesSet</c>).
    /// Each is inside the order's total, so <c>totalPriceSet</c> and <c>currentTotalPriceSet</c> grow by their sum.
    /// </summary>
    /// <param name="orderNumber">The order number, with or without <c>#</c>.</param>
    /// <param name="tip">The tip; zero for none.</param>
    /// <param name="duties">The duties, or <see langword="null"/> for none (Shopify then sends null).</param>
    /// <param name="additionalFees">The additional fees, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">The order is unknown.</exception>
    public void AddCharges(string orderNumber, decimal tip, decimal? duties = null, decimal? additionalFees = null)
    {
        lock (Gate)
        {
            var order = FindOrder(orderNumber) ?? throw new ArgumentException($"No order {orderNumber}.", nameof(orderNumber));
            var json = order.Json;
            var currency = (string)json["currencyCode"]!;
            json["totalTipReceivedSet"] = MoneyBag(AmountOf(json["totalTipReceivedSet"]) + tip, currency);
            if (duties is { } d)
            {
                json["currentTotalDutiesSet"] = MoneyBag(d, currency);
            }

            if (additionalFees is { } f)
            {
                json["currentTotalAdditionalFeesSet"] = MoneyBag(f, currency);
            }

            var added = tip + (duties ?? 0m) + (additionalFees ?? 0m);
            json["totalPriceSet"] = MoneyBag(AmountOf(json["totalPriceSet"]) + added, currency);
            json["currentTotalPriceSet"] = MoneyBag(AmountOf(json["currentTotalPriceSet"]) + added, currency);
        }
    }

    /// <summary>
    /// Changes an order's fields as the shop holds them, for a test of a client that reads a flawed order: a field of
    /// another type (a quantity <c>"two"</c>), a <c>null</c>, a currency code that is none. Every query that reads the
    /// order (the order list, the search by name, the order's further lines) then sends it so. The fake's own
    /// bookkeeping (<see cref="RemoveUnits"/>, <see cref="AddCharges"/>, fulfillments) expects the fields it rendered.
    /// </summary>
    /// <param name="orderNumber">The order number, with or without <c>#</c>.</param>
    /// <param name="change">Changes the order's GraphQL node in place; its <c>lineItems.nodes</c> hold every line.</param>
    /// <exception cref="ArgumentException">The order is unknown.</exception>
    public void ChangeOrderFields(string orderNumber, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (Gate)
        {
            var order = FindOrder(orderNumber) ?? throw new ArgumentException($"No order {orderNumber}.", nameof(orderNumber));
            change(order.Json);
        }
    }

    /// <summary>The status Shopify's order shows: cancelled, shipped (all fulfilled), partly shipped, or as seeded.</summary>
    /// <param name="orderNumber">The order number, with or without <c>#</c>.</param>
    /// <returns>The status, or <see langword="null"/> for an unknown order.</returns>
    public override OrderStatus? StatusOf(string orderNumber)
    {
        lock (Gate)
        {
            return FindOrder(orderNumber) is { } order ? StatusOf(order) : null;
        }
    }

    /// <summary>
    /// The fulfillments created on the order, each as a shipment with its tracking number and company; line ids are
    /// the last segments of the line items' GIDs.
    /// </summary>
    /// <param name="orderNumber">The order number, with or without <c>#</c>.</param>
    /// <returns>The shipments, oldest first; empty for an unknown order.</returns>
    public override IReadOnlyList<FakeShipment> ShipmentsOf(string orderNumber)
    {
        lock (Gate)
        {
            return FindOrder(orderNumber)?.Fulfillments.Select(f => new FakeShipment(f.TrackingNumber ?? string.Empty, f.Company ?? string.Empty, f.Lines)).ToArray() ?? [];
        }
    }

    /// <summary>The GIDs of an order and its first fulfillment order, as a client finds them through the API.</summary>
    /// <param name="orderNumber">The order number, with or without <c>#</c>.</param>
    /// <returns>The GIDs, or <see langword="null"/> for an unknown order.</returns>
    public ShopifyOrderIds? IdsOfOrder(string orderNumber)
    {
        lock (Gate)
        {
            return FindOrder(orderNumber) is { } order ? new ShopifyOrderIds(ShopifyGid.Of("Order", order.Id), ShopifyGid.Of("FulfillmentOrder", order.FulfillmentOrders[0].Id)) : null;
        }
    }

    private static string NameOf(string orderNumber) => orderNumber.StartsWith('#') ? orderNumber : "#" + orderNumber;

    // totalPriceSet as Shopify sums it: the lines after their discounts, the shipping after its discounts, and the taxes
    // on top unless the shop's prices include them.
    private static decimal TotalPriceOf(JsonArray lineNodes, JsonObject shippingLine, bool taxesIncluded) =>
        lineNodes.OfType<JsonObject>().Sum(l => (AmountOf(l["originalUnitPriceSet"]) * (int)l["quantity"]!) - SumOf(l, "discountAllocations", "allocatedAmountSet"))
        + AmountOf(shippingLine["discountedPriceSet"])
        + (taxesIncluded ? 0m : lineNodes.OfType<JsonObject>().Append(shippingLine).Sum(l => SumOf(l, "taxLines", "priceSet")));

    private static decimal SumOf(JsonArray nodes, string list, string bag) => nodes.OfType<JsonObject>().Sum(n => SumOf(n, list, bag));

    private static decimal SumOf(JsonObject node, string list, string bag) => node[list]!.AsArray().Sum(entry => AmountOf(entry![bag]));

    private static decimal AmountOf(JsonNode? bag) => decimal.Parse((string)bag!["shopMoney"]!["amount"]!, CultureInfo.InvariantCulture);

    private static JsonObject MoneyBag(decimal amount, string currency) => new()
    {
        ["shopMoney"] = new JsonObject { ["amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture), ["currencyCode"] = currency },
        ["presentmentMoney"] = new JsonObject { ["amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture), ["currencyCode"] = currency },
    };

    private static JsonObject? RenderAddress(Address? address) => address is null ? null : new JsonObject
    {
        ["name"] = address.Name,
        ["company"] = address.Company,
        ["address1"] = address.Street,
        ["address2"] = address.AddressLine2,
        ["city"] = address.City,
        ["province"] = address.Region,
        ["zip"] = address.PostalCode,
        ["countryCodeV2"] = address.CountryCode,
        ["phone"] = address.Phone,
    };

    private static OrderStatus StatusOf(ShopifyOrder order) =>
        order.IsCancelled ? OrderStatus.Cancelled
        : order.IsFullyFulfilled ? OrderStatus.Shipped
        : order.IsPartlyFulfilled ? OrderStatus.PartiallyShipped
        : order.SeededStatus;

    private static Instant? ParseSearchDate(string text) =>
        DateTimeOffset.TryParse(text.Trim('\'', '"'), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? Instant.FromDateTimeOffset(parsed) : null;

    // Shopify's line item ids are numbers; a test's own non-numeric line id ("1001-L1") is kept as the GID's last
    // segment instead, so the line the test seeded is the line it finds (GIDs are opaque strings to a client).
    private string LineKeyOf(string? given)
    {
        if (long.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            Reserve(id);
            return given!;
        }

        return string.IsNullOrWhiteSpace(given) || given.Any(c => c == '/' || c == '?' || char.IsWhiteSpace(c))
            ? NextId().ToString(CultureInfo.InvariantCulture)
            : given;
    }

    private long IdOrNext(string? given)
    {
        if (long.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            Reserve(id);
            return id;
        }

        return NextId();
    }

    private ShopifyOrder? FindOrder(string orderNumber) => _orders.Find(o => o.Name == NameOf(orderNumber));

    private JsonObject RenderOrder(ShopifyOrder order)
    {
        var json = order.Json.DeepClone().AsObject();
        json["updatedAt"] = InstantPattern.General.Format(order.UpdatedAt);
        json["displayFulfillmentStatus"] = order.IsFullyFulfilled ? "FULFILLED" : order.IsPartlyFulfilled ? "PARTIALLY_FULFILLED" : "UNFULFILLED";
        json["fulfillmentOrders"] = new JsonObject { ["nodes"] = new JsonArray([.. order.FulfillmentOrders.Select(f => (JsonNode)RenderFulfillmentOrder(order, f))]) };

        // Order.fulfillments is a list, not a connection: its first cuts it, oldest first, and nothing pages beyond.
        json["fulfillments"] = new JsonArray([.. order.Fulfillments.Select(f => (JsonNode)RenderFulfillment(order, f))]);
        return json;
    }

    // A line item of the order as the order's lineItems show it, for the references to it from fulfillment lines.
    private static JsonNode? LineItemOf(ShopifyOrder order, string key) =>
        order.Json["lineItems"]?["nodes"]?.AsArray().FirstOrDefault(l => (string?)l?["id"] == "gid://shopify/LineItem/" + key)?.DeepClone()
        ?? new JsonObject { ["id"] = "gid://shopify/LineItem/" + key };

    // A fulfillment order with its lines and the fulfillments shipped from it.
    private JsonObject RenderFulfillmentOrder(ShopifyOrder order, ShopifyFulfillmentOrder fulfillmentOrder)
    {
        var lines = fulfillmentOrder.Lines.Select(l => (JsonNode)new JsonObject
        {
            ["id"] = ShopifyGid.Of("FulfillmentOrderLineItem", l.FulfillmentOrderLineItemId),
            ["totalQuantity"] = l.Quantity,
            ["remainingQuantity"] = l.Remaining,
            ["lineItem"] = LineItemOf(order, l.Key),
        });
        var fulfillments = order.Fulfillments.Where(f => f.FulfillmentOrderIds.Contains(fulfillmentOrder.Id)).Select(f => (JsonNode)RenderFulfillment(order, f));
        return new JsonObject
        {
            ["id"] = ShopifyGid.Of("FulfillmentOrder", fulfillmentOrder.Id),
            ["status"] = order.IsCancelled || fulfillmentOrder.IsFullyFulfilled ? "CLOSED" : fulfillmentOrder.IsPartlyFulfilled ? "IN_PROGRESS" : "OPEN",
            ["assignedLocation"] = new JsonObject { ["location"] = RenderLocation() },
            ["lineItems"] = new JsonObject { ["nodes"] = new JsonArray([.. lines]) },
            ["fulfillments"] = new JsonObject { ["nodes"] = new JsonArray([.. fulfillments]) },
        };
    }

    private static JsonObject RenderFulfillment(ShopifyOrder order, ShopifyFulfillment fulfillment) => new()
    {
        ["id"] = ShopifyGid.Of("Fulfillment", fulfillment.Id),
        ["status"] = "SUCCESS",
        ["trackingInfo"] = new JsonArray([
            new JsonObject { ["number"] = fulfillment.TrackingNumber, ["company"] = fulfillment.Company, ["url"] = fulfillment.Url },
            .. fulfillment.OtherNumbers.Select((n, i) => (JsonNode)new JsonObject { ["number"] = n, ["company"] = fulfillment.Company, ["url"] = fulfillment.OtherUrls.ElementAtOrDefault(i) }),
        ]),
        ["fulfillmentLineItems"] = new JsonObject
        {
            ["nodes"] = new JsonArray(fulfillment.Lines.Zip(fulfillment.LineIds, (l, id) => (JsonNode)new JsonObject
            {
                ["id"] = ShopifyGid.Of("FulfillmentLineItem", id),
                ["quantity"] = l.Quantity,
                ["lineItem"] = LineItemOf(order, l.LineId),
            }).ToArray()),
        },
    };

    private GraphQLPage Orders(GraphQLResolveContext context)
    {
        IEnumerable<ShopifyOrder> found = _orders;
        if (Search(context, "updated_at", "name") is { } query)
        {
            foreach (var (op, value) in query.On("updated_at"))
            {
                var bound = ParseSearchDate(value) ?? throw new GraphQLFieldException($"Invalid date in the search query: updated_at:{op}{value}");
                found = found.Where(o => op switch
                {
                    ">" => o.UpdatedAt > bound,
                    ">=" => o.UpdatedAt >= bound,
                    "<" => o.UpdatedAt < bound,
                    "<=" => o.UpdatedAt <= bound,
                    _ => o.UpdatedAt == bound,
                });
            }

            foreach (var (_, value) in query.On("name"))
            {
                var name = NameOf(value);
                found = found.Where(o => o.Name == name);
            }
        }

        var sorted = StringArgument(context, "sortKey") switch
        {
            "UPDATED_AT" => found.OrderBy(o => o.UpdatedAt).ThenBy(o => o.Id),
            "CREATED_AT" => found.OrderBy(o => (string?)o.Json["createdAt"], StringComparer.Ordinal).ThenBy(o => o.Id),
            _ => found.OrderBy(o => o.Id),
        };

        // Only the orders on the page are rendered.
        return GraphQLPage.Of([.. sorted.Select(o => (GraphQLPage.CursorOf("order", o.Id), (object?)(Func<object?>)(() => RenderOrder(o))))], context.Arguments);
    }

    private JsonObject? Order(GraphQLResolveContext context) =>
        ShopifyGid.TryParse(StringArgument(context, "id"), "Order", out var id) && _orders.Find(o => o.Id == id) is { } order ? RenderOrder(order) : null;

    private JsonObject? FulfillmentOrder(GraphQLResolveContext context) =>
        ShopifyGid.TryParse(StringArgument(context, "id"), "FulfillmentOrder", out var id) && FindFulfillmentOrder(id) is ({ } order, { } fulfillmentOrder)
            ? RenderFulfillmentOrder(order, fulfillmentOrder)
            : null;

    private (ShopifyOrder Order, ShopifyFulfillmentOrder FulfillmentOrder)? FindFulfillmentOrder(long id) =>
        _orders.SelectMany(o => o.FulfillmentOrders.Where(f => f.Id == id).Select(f => (o, f))).Cast<(ShopifyOrder, ShopifyFulfillmentOrder)?>().FirstOrDefault();

    private JsonObject CreateFulfillment(GraphQLResolveContext context)
    {
        var input = context.Arguments.GetValueOrDefault("fulfillment") as JsonObject ?? [];
        var groups = input["lineItemsByFulfillmentOrder"] as JsonArray ?? [];
        var errors = new JsonArray();
        ShopifyOrder? order = null;
        var shipped = new List<(ShopifyOrderLine Line, int Quantity)>();
        var shippedFrom = new List<long>();
        for (var g = 0; g < groups.Count; g++)
        {
            var index = g.ToString(CultureInfo.InvariantCulture);
            var group = groups[g] as JsonObject ?? [];
            if (!ShopifyGid.TryParse((string?)group["fulfillmentOrderId"], "FulfillmentOrder", out var foId)
                || FindFulfillmentOrder(foId) is not ({ } owner, { } fulfillmentOrder))
            {
                errors.Add(UserError("Fulfillment order does not exist.", null, "fulfillment", "lineItemsByFulfillmentOrder", index, "fulfillmentOrderId"));
                continue;
            }

            if (order is not null && order != owner)
            {
                errors.Add(UserError("All fulfillment orders must belong to the same order.", null, "fulfillment", "lineItemsByFulfillmentOrder", index, "fulfillmentOrderId"));
                continue;
            }

            order = owner;
            shippedFrom.Add(fulfillmentOrder.Id);
            if (group["fulfillmentOrderLineItems"] is not JsonArray items)
            {
                // No line items: Shopify fulfils everything that remains on the fulfillment order.
                shipped.AddRange(fulfillmentOrder.Lines.Where(l => l.Remaining > 0).Select(l => (l, l.Remaining)));
                continue;
            }

            foreach (var item in items.OfType<JsonObject>())
            {
                var line = ShopifyGid.TryParse((string?)item["id"], "FulfillmentOrderLineItem", out var foLineId) ? fulfillmentOrder.Lines.FirstOrDefault(l => l.FulfillmentOrderLineItemId == foLineId) : null;
                var quantity = item["quantity"] is JsonValue q && q.GetValueKind() == System.Text.Json.JsonValueKind.Number ? q.GetValue<int>() : 0;
                var already = shipped.Where(s => s.Line == line).Sum(s => s.Quantity);
                if (line is null || quantity < 1 || quantity + already > line.Remaining)
                {
                    errors.Add(UserError("Invalid fulfillment order line item quantity requested.", null, "fulfillment", "lineItemsByFulfillmentOrder", index, "fulfillmentOrderLineItems"));
                    continue;
                }

                shipped.Add((line, quantity));
            }
        }

        if (order is { IsCancelled: true })
        {
            errors.Add(UserError("Fulfillment order is closed.", null, "fulfillment", "lineItemsByFulfillmentOrder"));
        }
        else if (errors.Count == 0 && shipped.Count == 0)
        {
            errors.Add(UserError("Nothing remains to fulfil.", null, "fulfillment", "lineItemsByFulfillmentOrder"));
        }

        if (errors.Count > 0 || order is null)
        {
            return new JsonObject { ["fulfillment"] = null, ["userErrors"] = errors };
        }

        foreach (var (line, quantity) in shipped)
        {
            line.Remaining -= quantity;
        }

        // number and url, then numbers and urls: Shopify keeps every tracking number of a parcel.
        var tracking = input["trackingInfo"] as JsonObject;
        var numbers = ((string?)tracking?["number"] is { } number ? [number] : Array.Empty<string>())
            .Concat((tracking?["numbers"] as JsonArray ?? []).Select(n => (string)n!)).ToList();
        var urls = ((string?)tracking?["url"] is { } url ? [url] : Array.Empty<string?>())
            .Concat((tracking?["urls"] as JsonArray ?? []).Select(u => (string?)u)).ToList();
        var shippedLines = shipped.GroupBy(s => s.Line.Key).Select(g => new ShippedLine(g.Key, g.Sum(s => s.Quantity))).ToArray();
        var fulfillment = new ShopifyFulfillment(
            NextId(),
            numbers.FirstOrDefault(),
            (string?)tracking?["company"],
            urls.FirstOrDefault(),
            shippedLines,
            shippedLines.Select(_ => NextId()).ToArray(),
            shippedFrom.Distinct().ToArray())
        {
            OtherNumbers = numbers.Skip(1).ToArray(),
            OtherUrls = urls.Skip(1).ToArray(),
        };
        order.Fulfillments.Add(fulfillment);
        order.UpdatedAt = Clock.GetCurrentInstant();
        return new JsonObject { ["fulfillment"] = RenderFulfillment(order, fulfillment), ["userErrors"] = new JsonArray() };
    }

}
