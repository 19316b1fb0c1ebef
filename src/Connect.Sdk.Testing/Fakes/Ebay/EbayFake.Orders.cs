using Connect.Sdk.ForeignNumbers;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Testing.Fakes.Ebay;

/// <content>
/// The Fulfillment API: orders paged with <c>limit</c> and <c>offset</c> and filtered by creation date, last-modified
/// date or fulfilment status, one order, and shipping fulfillments (a package with tracking for all or part of the lines).
/// </content>
public sealed partial class EbayFake
{
    private const string Fulfillment = "/sell/fulfillment/v1";
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;
    private const int MaxOrderIds = 50;

    // eBay's timestamps: ISO 8601 in UTC with milliseconds, "2021-03-19T20:43:59.462Z".
    private static readonly InstantPattern EbayDate = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.fff'Z'");

    /// <summary>
    /// Places an order paid in the order's currency, rendered as eBay's Fulfillment API does: each line is a line item of
    /// the seeded SKU's listing with <c>lineItemCost</c> before its discount, <c>discountedLineItemCost</c> after it and the
    /// discount an applied promotion; the shipping, after its discount with the discount beside it, and the tax eBay
    /// collects and remits (<see cref="MarketplaceOrder.MarketplaceCollectedTax"/>, also repeated in <c>taxes</c>) on the
    /// first line; <c>pricingSummary</c> with the subtotal and delivery cost before discounts, the discounts negative, the
    /// fees as <c>fee</c>, the credits (negative fees) as <c>adjustment</c> and the total. Its line ids, when given, become the <c>lineItemId</c>s. A
    /// pending order is unpaid (<c>orderPaymentStatus</c> PENDING), a cancelled one has <c>cancelState</c> CANCELED.
    /// </summary>
    /// <param name="order">The order; its number becomes the <c>orderId</c>, its lines' foreign numbers must be seeded listing ids or SKUs.</param>
    /// <exception cref="ArgumentException">The order has no lines, exists already, or names a SKU the fake does not have.</exception>
    public override void SeedOrder(MarketplaceOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Lines.Count == 0)
        {
            throw new ArgumentException($"Order {order.OrderNumber} has no lines.", nameof(order));
        }

        lock (Gate)
        {
            if (FindOrder(order.OrderNumber) is not null)
            {
                throw new ArgumentException($"Order {order.OrderNumber} exists already.", nameof(order));
            }

            var currency = order.Currency;
            var lineItems = new JsonArray();
            var collected = order.MarketplaceCollectedTax?.Amount ?? 0m;
            var shippingDiscount = order.ShippingDiscount?.Amount ?? 0m;
            decimal subtotal = 0m, discounts = 0m, paidForLines = 0m;
            for (var i = 0; i < order.Lines.Count; i++)
            {
                var line = order.Lines[i];
                var identity = line.ForeignNumber ?? (line.Sku is { } lineSku ? new ForeignNumber(ForeignNumberLabel.Sku, lineSku) : throw new ArgumentException($"Line {i + 1} of order {order.OrderNumber} names no SKU or listing.", nameof(order)));
                var listing = Find(identity) ?? throw new ArgumentException($"Order {order.OrderNumber} names {identity.Label} {identity.Value}, which the fake has no listing for.", nameof(order));
                var sku = listing.Sku;

                // eBay states a line before its promotions (lineItemCost) and after them (discountedLineItemCost); the SDK's
                // unit price is after them, its discount beside it.
                var paidForLine = line.Total.Amount;
                var discount = line.Discount?.Amount ?? 0m;
                var shipping = i == 0 ? order.ShippingCost.Amount : 0m;
                var lineCollected = i == 0 ? collected : 0m;
                subtotal += paidForLine + discount;
                discounts += discount;
                paidForLines += paidForLine;
                var item = new JsonObject
                {
                    ["lineItemId"] = string.IsNullOrWhiteSpace(line.LineId) ? (_nextLineItemId++).ToString(CultureInfo.InvariantCulture) : line.LineId,
                    ["legacyItemId"] = listing.ListingId,
                    ["sku"] = sku,
                    ["title"] = line.Title,
                    ["lineItemCost"] = Amount(paidForLine + discount, currency),
                    ["quantity"] = line.Quantity,
                    ["soldFormat"] = "FIXED_PRICE",
                    ["listingMarketplaceId"] = MarketplaceId,
                    ["purchaseMarketplaceId"] = MarketplaceId,
                    ["lineItemFulfillmentStatus"] = "NOT_STARTED",
                    ["total"] = Amount(paidForLine + shipping + lineCollected, currency),
                    ["deliveryCost"] = LineDeliveryCost(shipping, i == 0 ? shippingDiscount : 0m, currency),
                    ["appliedPromotions"] = discount == 0m ? new JsonArray() : new JsonArray(new JsonObject { ["description"] = "Promotion", ["discountAmount"] = Amount(discount, currency) }),
                    ["taxes"] = LineTaxes(line, lineCollected, currency),
                };
                if (listing.IsVariation)
                {
                    item["legacyVariationId"] = listing.OfferId;
                    item["variationAspects"] = new JsonArray(new JsonObject { ["name"] = "Variant", ["value"] = sku });
                }

                if (discount != 0m)
                {
                    item["discountedLineItemCost"] = Amount(paidForLine, currency);
                }

                if (lineCollected != 0m)
                {
                    item["ebayCollectAndRemitTaxes"] = new JsonArray(new JsonObject { ["taxType"] = CollectedTaxType, ["amount"] = Amount(lineCollected, currency), ["collectionMethod"] = "NET" });
                }

                lineItems.Add(item);
            }

            // A fee (positive) is a special fee, pricingSummary.fee; a credit (negative) a price adjustment after the sale,
            // pricingSummary.adjustment, as eBay's PricingSummary reference has them.
            var fees = order.Fees.Where(f => f.Amount.Amount > 0m).Sum(f => f.Amount.Amount);
            var credits = order.Fees.Where(f => f.Amount.Amount < 0m).Sum(f => f.Amount.Amount);
            var total = order.Total?.Amount ?? paidForLines + order.ShippingCost.Amount + fees + credits + collected;
            var pricing = new JsonObject
            {
                ["priceSubtotal"] = Amount(subtotal, currency),
                ["deliveryCost"] = Amount(order.ShippingCost.Amount + shippingDiscount, currency),
                ["total"] = Amount(total, currency),
            };
            if (discounts != 0m)
            {
                pricing["priceDiscount"] = Amount(-discounts, currency);
            }

            if (shippingDiscount != 0m)
            {
                pricing["deliveryDiscount"] = Amount(-shippingDiscount, currency);
            }

            if (fees != 0m)
            {
                pricing["fee"] = Amount(fees, currency);
            }

            if (credits != 0m)
            {
                pricing["adjustment"] = Amount(credits, currency);
            }

            if (collected != 0m)
            {
                pricing["tax"] = Amount(collected, currency);
            }

            var paid = order.Status != OrderStatus.Pending;
            var json = new JsonObject
            {
                ["orderId"] = order.OrderNumber,
                ["legacyOrderId"] = order.MarketplaceOrderId,
                ["creationDate"] = EbayDate.Format(order.CreatedAt),
                ["lastModifiedDate"] = EbayDate.Format(order.UpdatedAt),
                ["orderFulfillmentStatus"] = "NOT_STARTED",
                ["orderPaymentStatus"] = paid ? "PAID" : "PENDING",
                ["sellerId"] = "fake_seller",
                ["buyer"] = Buyer(order),
                ["pricingSummary"] = pricing,
                ["cancelStatus"] = new JsonObject
                {
                    ["cancelState"] = order.Status == OrderStatus.Cancelled ? "CANCELED" : "NONE_REQUESTED",
                    ["cancelRequests"] = new JsonArray(),
                },
                ["paymentSummary"] = new JsonObject
                {
                    ["totalDueSeller"] = Amount(total, currency),
                    ["payments"] = paid ? new JsonArray(new JsonObject { ["paymentMethod"] = order.PaymentMethod ?? "EBAY", ["paymentStatus"] = "PAID", ["amount"] = Amount(total, currency) }) : new JsonArray(),
                },
                ["fulfillmentStartInstructions"] = new JsonArray(ShippingStep(order)),
                ["salesRecordReference"] = order.OrderNumber,
                ["lineItems"] = lineItems,
            };
            if (collected != 0m)
            {
                json["ebayCollectAndRemitTax"] = true;
            }

            _orders.Add(new EbayOrder { OrderId = order.OrderNumber, Created = order.CreatedAt, Modified = order.UpdatedAt, Json = json });
        }
    }

    /// <summary>
    /// The order's status as the buyer sees it: cancelled (<c>cancelState</c> CANCELED), pending while unpaid, shipped when
    /// every line is fulfilled, partially shipped when some are, else open.
    /// </summary>
    /// <param name="orderNumber">The order id.</param>
    /// <returns>The status, or <see langword="null"/> for an unknown order.</returns>
    public override OrderStatus? StatusOf(string orderNumber)
    {
        lock (Gate)
        {
            if (FindOrder(orderNumber) is not { } order)
            {
                return null;
            }

            return ((string?)order.Json["cancelStatus"]?["cancelState"], (string?)order.Json["orderPaymentStatus"], (string?)order.Json["orderFulfillmentStatus"]) switch
            {
                ("CANCELED", _, _) => OrderStatus.Cancelled,
                (_, not "PAID", _) => OrderStatus.Pending,
                (_, _, "FULFILLED") => OrderStatus.Shipped,
                (_, _, "IN_PROGRESS") => OrderStatus.PartiallyShipped,
                _ => OrderStatus.Open,
            };
        }
    }

    /// <summary>The order's shipping fulfillments as received, each with its tracking and lines; a repeated one appears twice.</summary>
    /// <param name="orderNumber">The order id.</param>
    /// <returns>The shipments, oldest first; empty for an unknown order.</returns>
    public override IReadOnlyList<FakeShipment> ShipmentsOf(string orderNumber)
    {
        lock (Gate)
        {
            return FindOrder(orderNumber)?.Fulfillments
                .Select(f => new FakeShipment(
                    (string?)f["shipmentTrackingNumber"] ?? string.Empty,
                    (string?)f["shippingCarrierCode"] ?? string.Empty,
                    f["lineItems"]!.AsArray().Select(l => new ShippedLine((string)l!["lineItemId"]!, (int)l["quantity"]!)).ToArray()))
                .ToArray() ?? [];
        }
    }

    /// <summary>Changes an order as eBay would (a buyer's cancellation, an edited amount) and stamps <c>lastModifiedDate</c>.</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="change">Changes the order's <c>Order</c> object.</param>
    /// <exception cref="KeyNotFoundException">No order has this id.</exception>
    public void ChangeOrder(string orderId, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (Gate)
        {
            var order = FindOrder(orderId) ?? throw new KeyNotFoundException($"No order has id {orderId}.");
            change(order.Json);
            Touch(order);
        }
    }

    /// <summary>Every order as <c>getOrder</c> answers it (copies), oldest first.</summary>
    /// <returns>The orders.</returns>
    public IReadOnlyList<JsonObject> Orders()
    {
        lock (Gate)
        {
            return _orders.Select(o => o.Json.DeepClone().AsObject()).ToArray();
        }
    }

    // The tax eBay collects and remits on the fake's marketplace: sales tax in the US, VAT elsewhere.
    private string CollectedTaxType => MarketplaceId == "EBAY_US" ? "STATE_SALES_TAX" : "VAT";

    // The line's shipping after its discount and the discount beside it, as eBay's live answers show them.
    private static JsonObject LineDeliveryCost(decimal shipping, decimal discount, CurrencyCode currency)
    {
        var cost = new JsonObject { ["shippingCost"] = Amount(shipping, currency) };
        if (discount != 0m)
        {
            cost["discountAmount"] = Amount(discount, currency);
        }

        return cost;
    }

    // taxes[]: the seller's VAT, and each tax eBay collects and remits again with the same amount, as eBay documents.
    private static JsonArray LineTaxes(OrderLine line, decimal collected, CurrencyCode currency)
    {
        var taxes = new JsonArray();
        if (TaxOf(line) is { } tax)
        {
            taxes.Add(new JsonObject { ["amount"] = Amount(tax, currency), ["taxType"] = "VAT" });
        }

        if (collected != 0m)
        {
            taxes.Add(new JsonObject { ["amount"] = Amount(collected, currency) });
        }

        return taxes;
    }

    // The line's VAT after its discounts: as seeded, or from its rate on the gross line total, in the minor unit.
    private static decimal? TaxOf(OrderLine line) =>
        line.TaxAmount?.Amount ?? (line.TaxRate is { } rate ? new Money(line.Total.Amount * rate / (1 + rate), line.Total.Currency).RoundToMinorUnit().Amount : null);

    private static JsonObject ShippingStep(MarketplaceOrder order)
    {
        var shipTo = Contact(order.ShippingAddress ?? new Address { Name = "Fake Buyer", Street = "Musterstrasse 1", PostalCode = "10115", City = "Berlin", CountryCode = "DE" });
        shipTo["email"] = order.BuyerEmail ?? "buyer@example.invalid";
        return new JsonObject
        {
            ["fulfillmentInstructionsType"] = "SHIP_TO",
            ["shippingStep"] = new JsonObject { ["shipTo"] = shipTo, ["shippingServiceCode"] = "DE_DHLPaket" },
        };
    }

    // The buyer with the registration address eBay gives since 2023 (buyerRegistrationAddress), the order's billing address.
    private static JsonObject Buyer(MarketplaceOrder order)
    {
        var buyer = new JsonObject { ["username"] = "fake_buyer" };
        if (order.BillingAddress is { } billing)
        {
            var contact = Contact(billing);
            if (order.BuyerEmail is { } email)
            {
                contact["email"] = email;
            }

            buyer["buyerRegistrationAddress"] = contact;
        }

        return buyer;
    }

    // eBay's ExtendedContact: fullName, companyName, contactAddress, primaryPhone; fields without a value are left out.
    private static JsonObject Contact(Address address)
    {
        var contactAddress = new JsonObject { ["addressLine1"] = address.Street };
        if (address.AddressLine2 is { } line2)
        {
            contactAddress["addressLine2"] = line2;
        }

        contactAddress["city"] = address.City;
        if (address.Region is { } region)
        {
            contactAddress["stateOrProvince"] = region;
        }

        contactAddress["postalCode"] = address.PostalCode;
        contactAddress["countryCode"] = address.CountryCode;
        var contact = new JsonObject { ["fullName"] = address.Name };
        if (address.Company is { } company)
        {
            contact["companyName"] = company;
        }

        contact["contactAddress"] = contactAddress;
        if (address.Phone is { } phone)
        {
            contact["primaryPhone"] = new JsonObject { ["phoneNumber"] = phone };
        }

        return contact;
    }

    private static FakeResponse FulfillmentError(int statusCode, int errorId, string message, string? parameter = null, string? value = null) =>
        Error(statusCode, errorId, "API_FULFILLMENT", message, parameters: parameter is null ? null : Parameter(parameter, value ?? string.Empty));

    private void MapFulfillment()
    {
        Map(EbayOperations.GetOrders, "GET", $"{Fulfillment}/order", GetOrders);
        Map(EbayOperations.GetOrder, "GET", $"{Fulfillment}/order/(?<orderId>[^/]+)", request =>
            FindOrder(request.RouteValues["orderId"]) is { } order ? Json(200, AsAnswered(order, request)) : UnknownOrder(request.RouteValues["orderId"]));
        Map(EbayOperations.CreateShippingFulfillment, "POST", $"{Fulfillment}/order/(?<orderId>[^/]+)/shipping_fulfillment", CreateShippingFulfillment);
        Map(EbayOperations.GetShippingFulfillments, "GET", $"{Fulfillment}/order/(?<orderId>[^/]+)/shipping_fulfillment", request =>
            FindOrder(request.RouteValues["orderId"]) is { } order
                ? Json(200, new JsonObject { ["fulfillments"] = new JsonArray([.. order.Fulfillments.Select(f => f.DeepClone())]), ["total"] = order.Fulfillments.Count })
                : UnknownOrder(request.RouteValues["orderId"]));
    }

    private static FakeResponse UnknownOrder(string orderId) => FulfillmentError(404, 32100, $"Invalid order ID: {orderId}", "orderId", orderId);

    /// <summary>
    /// <c>getOrders</c>: <c>orderIds</c> (at most 50, then <c>filter</c> is ignored) or <c>filter</c> with
    /// <c>creationdate:[from..to]</c>, <c>lastmodifieddate:[from..to]</c> (either end may be open) and
    /// <c>orderfulfillmentstatus:{A|B}</c>; without a date filter the last 90 days by creation date. Newest first, paged
    /// by <c>limit</c> (1 to 200, default 50) and <c>offset</c>, answered as <c>OrderSearchPagedCollection</c>.
    /// </summary>
    private FakeResponse GetOrders(FakeCall request)
    {
        if (!TryPaging(request, out var limit, out var offset, out var refusal))
        {
            return refusal!;
        }

        IEnumerable<EbayOrder> matches;
        if (request.Query.TryGetValue("orderIds", out var ids) && !string.IsNullOrWhiteSpace(ids))
        {
            var wanted = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (wanted.Length > MaxOrderIds)
            {
                return FulfillmentError(400, 30850, $"Invalid order IDs. At most {MaxOrderIds} order IDs are allowed.", "orderIds", ids);
            }

            matches = _orders.Where(o => wanted.Contains(o.OrderId, StringComparer.Ordinal));
        }
        else if (!TryFilter(request.Query.GetValueOrDefault("filter"), out var filter, out refusal))
        {
            return refusal!;
        }
        else
        {
            matches = _orders.Where(filter!);
        }

        var page = matches.OrderByDescending(o => o.Created).ToList();
        var body = new JsonObject
        {
            ["href"] = PageHref(request, offset),
            ["total"] = page.Count,
            ["limit"] = limit,
            ["offset"] = offset,
            ["orders"] = new JsonArray([.. page.Skip(offset).Take(limit).Select(o => AsAnswered(o, request))]),
        };
        if (offset + limit < page.Count)
        {
            body["next"] = PageHref(request, offset + limit);
        }

        if (offset > 0)
        {
            body["prev"] = PageHref(request, Math.Max(0, offset - limit));
        }

        return Json(200, body);
    }

    // pricingSummary.fee comes only with fieldGroups=TAX_BREAKDOWN (eBay's PricingSummary reference); the total has it either way.
    private static JsonObject AsAnswered(EbayOrder order, FakeCall request)
    {
        var json = order.Json.DeepClone().AsObject();
        var groups = request.Query.GetValueOrDefault("fieldGroups") ?? string.Empty;
        if (!groups.Split(',').Contains("TAX_BREAKDOWN", StringComparer.Ordinal))
        {
            json["pricingSummary"]!.AsObject().Remove("fee");
        }

        return json;
    }

    private static bool TryPaging(FakeCall request, out int limit, out int offset, out FakeResponse? refusal)
    {
        refusal = null;
        limit = DefaultPageSize;
        offset = 0;
        if (request.Query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxPageSize))
        {
            refusal = FulfillmentError(400, 30830, $"Invalid limit. Supported ranges 1 - {MaxPageSize}.", "limit", limitText);
            return false;
        }

        if (request.Query.TryGetValue("offset", out var offsetText) && !int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            refusal = FulfillmentError(400, 30840, "Invalid offset. Offset should be a non-negative integer.", "offset", offsetText);
            return false;
        }

        return true;
    }

    private bool TryFilter(string? filterText, out Func<EbayOrder, bool>? filter, out FakeResponse? refusal)
    {
        var conditions = new List<Func<EbayOrder, bool>>();
        var dated = false;
        refusal = null;
        filter = null;
        foreach (Match part in FilterPart().Matches(filterText ?? string.Empty))
        {
            var name = part.Groups["name"].Value;
            var value = part.Groups["value"].Value;
            switch (name)
            {
                case "creationdate" or "lastmodifieddate":
                    if (!TryRange(value, out var from, out var to))
                    {
                        refusal = FulfillmentError(400, 30810, $"Invalid filter value {value} for filter {name}. Dates must be ISO 8601 in UTC, as [2021-03-19T20:43:59.462Z..].", "filter", filterText);
                        return false;
                    }

                    dated = true;
                    conditions.Add(name == "creationdate"
                        ? o => (from is null || o.Created >= from) && (to is null || o.Created <= to)
                        : o => (from is null || o.Modified >= from) && (to is null || o.Modified <= to));
                    break;
                case "orderfulfillmentstatus":
                    var statuses = value.Trim('{', '}').Split('|');
                    conditions.Add(o => statuses.Contains((string?)o.Json["orderFulfillmentStatus"], StringComparer.Ordinal));
                    break;
                default:
                    refusal = FulfillmentError(400, 30800, $"Invalid filter name: {name}", "filter", filterText);
                    return false;
            }
        }

        if (!dated)
        {
            var since = Clock.GetCurrentInstant() - Duration.FromDays(90);
            conditions.Add(o => o.Created >= since);
        }

        filter = o => conditions.TrueForAll(c => c(o));
        return true;
    }

    private static bool TryRange(string value, out Instant? from, out Instant? to)
    {
        from = to = null;
        var match = Regex.Match(value, @"^\[(?<from>[^.\]]*(?:\.\d+Z)?)\.\.(?<to>[^\]]*)\]$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            return false;
        }

        foreach (var (group, index) in new[] { ("from", 0), ("to", 1) })
        {
            var text = match.Groups[group].Value;
            if (text.Length == 0)
            {
                continue;
            }

            var parsed = InstantPattern.ExtendedIso.Parse(text);
            if (!parsed.Success || !text.EndsWith('Z'))
            {
                return false;
            }

            if (index == 0)
            {
                from = parsed.Value;
            }
            else
            {
                to = parsed.Value;
            }
        }

        return true;
    }

    [GeneratedRegex(@"(?<name>[a-z]+):(?<value>\[[^\]]*\]|\{[^}]*\})", RegexOptions.CultureInvariant)]
    private static partial Regex FilterPart();

    private string PageHref(FakeCall request, int offset)
    {
        var query = request.Query
            .Where(p => p.Key is not ("offset" or "limit"))
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")
            .Append($"limit={request.Query.GetValueOrDefault("limit") ?? DefaultPageSize.ToString(CultureInfo.InvariantCulture)}")
            .Append($"offset={offset.ToString(CultureInfo.InvariantCulture)}");
        return new Uri(BaseAddress, $"{Fulfillment.TrimStart('/')}/order?{string.Join('&', query)}").ToString();
    }

    /// <summary>
    /// <c>createShippingFulfillment</c>: <c>{lineItems:[{lineItemId, quantity}], shippedDate, shippingCarrierCode,
    /// trackingNumber}</c>, answered 201 with the new fulfillment's address in <c>Location</c>. The lines' and the order's
    /// fulfilment status follow: a line shipped in full is FULFILLED, in part IN_PROGRESS.
    /// </summary>
    private FakeResponse CreateShippingFulfillment(FakeCall request)
    {
        var orderId = request.RouteValues["orderId"];
        if (FindOrder(orderId) is not { } order)
        {
            return UnknownOrder(orderId);
        }

        if (ParseObject(request.Body) is not { } body || body["lineItems"] is not JsonArray { Count: > 0 } lines)
        {
            return FulfillmentError(400, 32400, "Invalid request. lineItems is required.", "lineItems");
        }

        if ((string?)order.Json["cancelStatus"]?["cancelState"] == "CANCELED")
        {
            return FulfillmentError(409, 32500, $"Order {orderId} is cancelled and cannot be shipped.", "orderId", orderId);
        }

        var carrier = body["shippingCarrierCode"] is JsonValue c && c.TryGetValue<string>(out var carrierText) ? carrierText : null;
        var tracking = body["trackingNumber"] is JsonValue t && t.TryGetValue<string>(out var trackingText) ? trackingText : null;
        if (string.IsNullOrWhiteSpace(carrier) != string.IsNullOrWhiteSpace(tracking))
        {
            return FulfillmentError(400, 32300, "Invalid shipment tracking. shippingCarrierCode and trackingNumber go together.", string.IsNullOrWhiteSpace(carrier) ? "shippingCarrierCode" : "trackingNumber");
        }

        var shippedDate = Clock.GetCurrentInstant();
        if (body["shippedDate"] is JsonValue d && d.TryGetValue<string>(out var dateText))
        {
            var parsed = EbayDate.Parse(dateText);
            if (!parsed.Success)
            {
                return FulfillmentError(400, 32600, "Invalid shippedDate. Use the format YYYY-MM-DDTHH:MM:SS.SSSZ.", "shippedDate", dateText);
            }

            shippedDate = parsed.Value;
        }

        var items = order.Json["lineItems"]!.AsArray().OfType<JsonObject>().ToDictionary(l => (string)l["lineItemId"]!, StringComparer.Ordinal);
        var shipped = new List<(JsonObject Item, int Quantity)>();
        foreach (var line in lines)
        {
            var lineItemId = line?["lineItemId"] is JsonValue id && id.TryGetValue<string>(out var idText) ? idText : null;
            if (lineItemId is null || !items.TryGetValue(lineItemId, out var item))
            {
                return FulfillmentError(400, 32200, $"Invalid line item ID: {lineItemId}", "lineItemId", lineItemId);
            }

            var remaining = (int)item["quantity"]! - ShippedQuantity(order, lineItemId);
            var quantity = line!["quantity"] is JsonValue q && q.TryGetValue<int>(out var n) ? n : remaining;
            if (quantity < 1 || quantity > remaining)
            {
                return FulfillmentError(400, 32210, $"Invalid quantity {quantity} for line item {lineItemId}: {remaining} left to ship.", "quantity", quantity.ToString(CultureInfo.InvariantCulture));
            }

            shipped.Add((item, quantity));
        }

        var fulfillmentId = string.Create(CultureInfo.InvariantCulture, $"{tracking ?? "NOTRACKING"}-{_nextFulfillmentId++}");
        var fulfillment = new JsonObject
        {
            ["fulfillmentId"] = fulfillmentId,
            ["lineItems"] = new JsonArray([.. shipped.Select(s => new JsonObject { ["lineItemId"] = (string)s.Item["lineItemId"]!, ["quantity"] = s.Quantity })]),
            ["shippedDate"] = EbayDate.Format(shippedDate),
        };
        if (tracking is not null)
        {
            fulfillment["shipmentTrackingNumber"] = tracking;
            fulfillment["shippingCarrierCode"] = carrier;
        }

        order.Fulfillments.Add(fulfillment);
        foreach (var item in items.Values)
        {
            var done = ShippedQuantity(order, (string)item["lineItemId"]!);
            item["lineItemFulfillmentStatus"] = done == 0 ? "NOT_STARTED" : done >= (int)item["quantity"]! ? "FULFILLED" : "IN_PROGRESS";
        }

        order.Json["orderFulfillmentStatus"] = items.Values.All(i => (string?)i["lineItemFulfillmentStatus"] == "FULFILLED") ? "FULFILLED" : "IN_PROGRESS";
        Touch(order);
        var location = new Uri(BaseAddress, $"{Fulfillment.TrimStart('/')}/order/{Uri.EscapeDataString(orderId)}/shipping_fulfillment/{Uri.EscapeDataString(fulfillmentId)}");
        return new FakeResponse(201, null, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Location"] = location.ToString() });
    }

    private static int ShippedQuantity(EbayOrder order, string lineItemId) =>
        order.Fulfillments.SelectMany(f => f["lineItems"]!.AsArray()).Where(l => (string?)l!["lineItemId"] == lineItemId).Sum(l => (int)l!["quantity"]!);

    private EbayOrder? FindOrder(string orderId) => _orders.Find(o => o.OrderId == orderId);

    private void Touch(EbayOrder order)
    {
        order.Modified = Clock.GetCurrentInstant();
        order.Json["lastModifiedDate"] = EbayDate.Format(order.Modified);
    }
}
