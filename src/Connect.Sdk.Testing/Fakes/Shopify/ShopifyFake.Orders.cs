using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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
    /// whose foreign number is a seeded variant (or product) points at it. Discounts become <c>discountAllocations</c>,
    /// shipping tax the shipping line's <c>taxLines</c>, the payment method <c>paymentGatewayNames</c>. A seeded status of shipped or completed ships every line.
    /// </param>
    /// <exception cref="ArgumentException">A line's variant is not seeded, or the order number exists.</exception>
    public override void SeedOrder(MarketplaceOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (Gate)
        {
            var name = NameOf(order.OrderNumber);
            if (_orders.Exists(o => o.Name == name))
            {
                throw new ArgumentException($"Order {order.OrderNumber} exists already.", nameof(order));
            }

            var id = IdOrNext(order.MarketplaceOrderId);
            var shipped = order.Status == OrderStatus.Shipped || order.Status == OrderStatus.Completed;
            var lines = new List<ShopifyOrderLine>();
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
                lines.Add(new ShopifyOrderLine { Key = lineKey, FulfillmentOrderLineItemId = NextId(), Quantity = line.Quantity, Remaining = shipped ? 0 : line.Quantity });
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
                    ["product"] = variant is null ? null : RenderProductReference(variant),
                    // The SDK's unit price is after the line's discount; Shopify's original price is before it.
                    ["originalUnitPriceSet"] = MoneyBag(line.UnitPrice.Amount + ((line.Discount?.Amount ?? 0m) / line.Quantity), order.Currency.Value),
                    ["taxLines"] = taxLines,
                    ["discountAllocations"] = discounts,
                });
            }

            var linesTotal = order.Lines.Sum(l => l.UnitPrice.Amount * l.Quantity);
            var total = order.Total?.Amount ?? linesTotal + order.ShippingCost.Amount + (order.PricesIncludeTax ? 0m : order.Lines.Sum(l => l.TaxAmount?.Amount ?? 0m));
            var json = new JsonObject
            {
                ["id"] = ShopifyGid.Of("Order", id),
                ["name"] = name,
                ["createdAt"] = InstantPattern.General.Format(order.CreatedAt),
                ["currencyCode"] = order.Currency.Value,
                ["email"] = order.BuyerEmail,
                ["taxesIncluded"] = order.PricesIncludeTax,
                ["displayFinancialStatus"] = order.Status == OrderStatus.Pending ? "PENDING" : "PAID",
                ["cancelledAt"] = order.Status == OrderStatus.Cancelled ? InstantPattern.General.Format(order.UpdatedAt) : null,
                ["totalPriceSet"] = MoneyBag(total, order.Currency.Value),
                ["totalShippingPriceSet"] = MoneyBag(order.ShippingCost.Amount, order.Currency.Value),
                ["shippingLines"] = new JsonObject
                {
                    ["nodes"] = new JsonArray(new JsonObject
                    {
                        ["title"] = "Shipping",
                        ["originalPriceSet"] = MoneyBag(order.ShippingCost.Amount, order.Currency.Value),
                        ["taxLines"] = order.ShippingTax is { } shippingTax
                            ? new JsonArray(new JsonObject { ["title"] = "VAT", ["priceSet"] = MoneyBag(shippingTax.Amount, order.Currency.Value) })
                            : new JsonArray(),
                    }),
                },
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
                FulfillmentOrderId = NextId(),
                SeededStatus = order.Status,
                UpdatedAt = order.UpdatedAt,
                Json = json,
                Lines = lines,
            });
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

    /// <summary>The GIDs of an order and its fulfillment order, as a client finds them through the API.</summary>
    /// <param name="orderNumber">The order number, with or without <c>#</c>.</param>
    /// <returns>The GIDs, or <see langword="null"/> for an unknown order.</returns>
    public ShopifyOrderIds? IdsOfOrder(string orderNumber)
    {
        lock (Gate)
        {
            return FindOrder(orderNumber) is { } order ? new ShopifyOrderIds(ShopifyGid.Of("Order", order.Id), ShopifyGid.Of("FulfillmentOrder", order.FulfillmentOrderId)) : null;
        }
    }

    private static string NameOf(string orderNumber) => orderNumber.StartsWith('#') ? orderNumber : "#" + orderNumber;

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

    private JsonObject RenderOrder(ShopifyOrder order, ShopifySelection? selection = null, JsonObject? variables = null)
    {
        var json = order.Json.DeepClone().AsObject();
        json["updatedAt"] = InstantPattern.General.Format(order.UpdatedAt);
        json["displayFulfillmentStatus"] = order.IsFullyFulfilled ? "FULFILLED" : order.IsPartlyFulfilled ? "PARTIALLY_FULFILLED" : "UNFULFILLED";
        json["fulfillmentOrders"] = new JsonObject
        {
            ["nodes"] = new JsonArray(new JsonObject
            {
                ["id"] = ShopifyGid.Of("FulfillmentOrder", order.FulfillmentOrderId),
                ["status"] = order.IsCancelled ? "CLOSED" : order.IsFullyFulfilled ? "CLOSED" : order.IsPartlyFulfilled ? "IN_PROGRESS" : "OPEN",
                ["assignedLocation"] = new JsonObject { ["location"] = new JsonObject { ["id"] = ShopifyGid.Of("Location", LocationId) } },
                ["lineItems"] = new JsonObject
                {
                    ["nodes"] = new JsonArray(order.Lines.Select(l => (JsonNode)new JsonObject
                    {
                        ["id"] = ShopifyGid.Of("FulfillmentOrderLineItem", l.FulfillmentOrderLineItemId),
                        ["totalQuantity"] = l.Quantity,
                        ["remainingQuantity"] = l.Remaining,
                        ["lineItem"] = new JsonObject { ["id"] = "gid://shopify/LineItem/" + l.Key },
                    }).ToArray()),
                },
            }),
        };
        json["fulfillments"] = new JsonArray(order.Fulfillments.Select(f => (JsonNode)RenderFulfillment(f)).ToArray());
        if (selection is not null)
        {
            // Nested connections honour their first and after, as on Shopify: a client reads the rest with follow-ups.
            variables ??= [];
            json["lineItems"] = PageNested(json["lineItems"]!.AsObject(), selection.Child("lineItems"), variables, "lineItem");
            var fulfillmentOrdersField = selection.Child("fulfillmentOrders");
            var fulfillmentOrders = PageNested(json["fulfillmentOrders"]!.AsObject(), fulfillmentOrdersField, variables, "fulfillmentOrder");
            var linesField = fulfillmentOrdersField?.Node()?.Child("lineItems");
            foreach (var node in fulfillmentOrders["nodes"]!.AsArray().Concat(fulfillmentOrders["edges"]!.AsArray().Select(e => e!["node"])))
            {
                if (node is JsonObject fulfillmentOrder)
                {
                    fulfillmentOrder["lineItems"] = PageNested(fulfillmentOrder["lineItems"]!.AsObject(), linesField, variables, "fulfillmentOrderLineItem");
                }
            }

            json["fulfillmentOrders"] = fulfillmentOrders;
        }

        return json;
    }

    // A nested connection rendered whole, cut to the page its field asks for (all of it when the field is not selected).
    private static JsonObject PageNested(JsonObject whole, ShopifySelection? field, JsonObject variables, string kind)
    {
        var nodes = (whole["nodes"] as JsonArray ?? []).Select((n, i) => (Cursor: Cursor(kind, i), Node: n!)).ToList();
        if (field is null)
        {
            return Connection(nodes, hasNextPage: false, hasPreviousPage: false);
        }

        var first = field.Argument("first", variables) is JsonValue f && f.GetValueKind() == System.Text.Json.JsonValueKind.Number ? f.GetValue<int>() : MaxPageSize;
        var after = field.Argument("after", variables) is JsonValue a && a.TryGetValue<string>(out var text) ? text : null;
        var page = After(nodes, after).Take(first).ToList();
        var more = page.Count > 0 && page[^1].Cursor != nodes[^1].Cursor;
        return Connection(page, more, page.Count > 0 && page[0].Cursor != nodes[0].Cursor);
    }

    private static JsonObject RenderFulfillment(ShopifyFulfillment fulfillment) => new()
    {
        ["id"] = ShopifyGid.Of("Fulfillment", fulfillment.Id),
        ["status"] = "SUCCESS",
        ["trackingInfo"] = new JsonArray(new JsonObject { ["number"] = fulfillment.TrackingNumber, ["company"] = fulfillment.Company, ["url"] = fulfillment.Url }),
        ["fulfillmentLineItems"] = new JsonObject
        {
            ["nodes"] = new JsonArray(fulfillment.Lines.Zip(fulfillment.LineIds, (l, id) => (JsonNode)new JsonObject
            {
                ["id"] = ShopifyGid.Of("FulfillmentLineItem", id),
                ["quantity"] = l.Quantity,
                ["lineItem"] = new JsonObject { ["id"] = "gid://shopify/LineItem/" + l.LineId },
            }).ToArray()),
        },
    };

    private (JsonNode? Data, int ActualCost) Orders(FakeCall call, ShopifyGraphQLRequest request)
    {
        IEnumerable<ShopifyOrder> found = _orders;
        if (request.StringArgument("query") is { } query)
        {
            foreach (Match term in SearchTerm().Matches(query))
            {
                var value = term.Groups["value"].Value;
                switch (term.Groups["field"].Value)
                {
                    case "updated_at" when ParseSearchDate(value) is { } bound:
                        var op = term.Groups["op"].Value;
                        found = found.Where(o => op switch
                        {
                            ">" => o.UpdatedAt > bound,
                            ">=" => o.UpdatedAt >= bound,
                            "<" => o.UpdatedAt < bound,
                            "<=" => o.UpdatedAt <= bound,
                            _ => o.UpdatedAt == bound,
                        });
                        break;
                    case "name":
                        var name = NameOf(value.Trim('\'', '"'));
                        found = found.Where(o => o.Name == name);
                        break;
                }
            }
        }

        var sorted = string.Equals(request.StringArgument("sortKey"), "UPDATED_AT", StringComparison.Ordinal)
            ? found.OrderBy(o => o.UpdatedAt).ThenBy(o => o.Id)
            : found.OrderBy(o => o.Id);
        var all = (request.Argument("reverse") is JsonValue r && r.GetValueKind() == System.Text.Json.JsonValueKind.True ? sorted.Reverse() : sorted)
            .Select(o => (Cursor: Cursor("order", o.Id), Node: (JsonNode)RenderOrder(o, request.Root?.Node(), request.Variables)))
            .ToList();
        var page = After(all, request.StringArgument("after")).Take(request.IntArgument("first") ?? MaxPageSize).ToList();
        var more = page.Count > 0 && page[^1].Cursor != all[^1].Cursor;
        return (Connection(page, more, page.Count > 0 && page[0].Cursor != all[0].Cursor), 2 + page.Count);
    }

    private (JsonNode? Data, int ActualCost) Order(FakeCall call, ShopifyGraphQLRequest request) =>
        (ShopifyGid.TryParse(request.StringArgument("id"), "Order", out var id) && _orders.Find(o => o.Id == id) is { } order ? RenderOrder(order, request.Root, request.Variables) : null, 1);

    private (JsonNode? Data, int ActualCost) FulfillmentOrder(FakeCall call, ShopifyGraphQLRequest request)
    {
        if (!ShopifyGid.TryParse(request.StringArgument("id"), "FulfillmentOrder", out var id) || _orders.Find(o => o.FulfillmentOrderId == id) is not { } order)
        {
            return (null, 1);
        }

        var node = RenderOrder(order)["fulfillmentOrders"]!["nodes"]![0]!.DeepClone().AsObject();
        node["lineItems"] = PageNested(node["lineItems"]!.AsObject(), request.Root?.Child("lineItems"), request.Variables, "fulfillmentOrderLineItem");
        return (node, 1);
    }

    private (JsonNode? Data, int ActualCost) CreateFulfillment(FakeCall call, ShopifyGraphQLRequest request)
    {
        var input = request.Argument("fulfillment") as JsonObject ?? [];
        var groups = input["lineItemsByFulfillmentOrder"] as JsonArray ?? [];
        var errors = new JsonArray();
        ShopifyOrder? order = null;
        var shipped = new List<(ShopifyOrderLine Line, int Quantity)>();
        for (var g = 0; g < groups.Count; g++)
        {
            var index = g.ToString(CultureInfo.InvariantCulture);
            var group = groups[g] as JsonObject ?? [];
            if (!ShopifyGid.TryParse((string?)group["fulfillmentOrderId"], "FulfillmentOrder", out var foId)
                || _orders.Find(o => o.FulfillmentOrderId == foId) is not { } owner)
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
            if (group["fulfillmentOrderLineItems"] is not JsonArray items)
            {
                // No line items: Shopify fulfils everything that remains on the fulfillment order.
                shipped.AddRange(owner.Lines.Where(l => l.Remaining > 0).Select(l => (l, l.Remaining)));
                continue;
            }

            foreach (var item in items.OfType<JsonObject>())
            {
                var line = ShopifyGid.TryParse((string?)item["id"], "FulfillmentOrderLineItem", out var foLineId) ? owner.Lines.FirstOrDefault(l => l.FulfillmentOrderLineItemId == foLineId) : null;
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
            return (new JsonObject { ["fulfillment"] = null, ["userErrors"] = errors }, MutationCost);
        }

        foreach (var (line, quantity) in shipped)
        {
            line.Remaining -= quantity;
        }

        var tracking = input["trackingInfo"] as JsonObject;
        var shippedLines = shipped.GroupBy(s => s.Line.Key).Select(g => new ShippedLine(g.Key, g.Sum(s => s.Quantity))).ToArray();
        var fulfillment = new ShopifyFulfillment(
            NextId(),
            (string?)tracking?["number"],
            (string?)tracking?["company"],
            (string?)tracking?["url"],
            shippedLines,
            shippedLines.Select(_ => NextId()).ToArray());
        order.Fulfillments.Add(fulfillment);
        order.UpdatedAt = Clock.GetCurrentInstant();
        return (new JsonObject { ["fulfillment"] = RenderFulfillment(fulfillment), ["userErrors"] = new JsonArray() }, MutationCost);
    }

    [GeneratedRegex(@"\b(?<field>updated_at|name):(?<op>>=|<=|>|<)?(?<value>'[^']*'|""[^""]*""|\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex SearchTerm();
}
