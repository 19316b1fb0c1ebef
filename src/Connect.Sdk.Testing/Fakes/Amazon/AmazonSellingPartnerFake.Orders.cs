using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Amazon;

/// <content>The Orders API v0: orders paged with NextToken, one order, its items, and shipment confirmation.</content>
public sealed partial class AmazonSellingPartnerFake
{
    private const string OrdersApi = "/orders/v0/orders";
    private const int MaxResultsPerPage = 100;
    private const int MaxMarketplaceIds = 50;
    private const int MaxAmazonOrderIds = 50;
    private static readonly Duration BeforeMargin = Duration.FromMinutes(2);
    private static readonly string[] RequiredPackageFields = ["packageReferenceId", "carrierCode", "trackingNumber", "shipDate"];
    private static readonly string[] DateFilters = ["CreatedAfter", "CreatedBefore", "LastUpdatedAfter", "LastUpdatedBefore"];

    // getOrders filters of the model that the fake's orders have no data for: refused by name rather than ignored, so a
    // test never reads an unfiltered list as a filtered one.
    private static readonly string[] UnmodelledOrderFilters =
    [
        "BuyerEmail", "SellerOrderId", "EasyShipShipmentStatuses", "ElectronicInvoiceStatuses", "ActualFulfillmentSupplySourceId",
        "IsISPU", "StoreChainStoreId", "EarliestDeliveryDateBefore", "EarliestDeliveryDateAfter", "LatestDeliveryDateBefore", "LatestDeliveryDateAfter",
    ];

    private readonly Dictionary<string, List<string>> _nextTokens = new(StringComparer.Ordinal);
    private long _nextOrderItemId = 68828574383266;

    /// <summary>Places an order, rendered as the Orders API v0 renders it.</summary>
    /// <param name="order">
    /// The order. Its <see cref="MarketplaceOrder.OrderNumber"/> is the <c>AmazonOrderId</c> (Amazon's order number,
    /// 3-7-7 digits like <c>302-1234567-1234567</c>). The <see cref="OrderLine.LineId"/> becomes the <c>OrderItemId</c>,
    /// which Amazon's models type as a string (Amazon's own are numeric-looking, but nothing promises it); an empty one
    /// is numbered by the fake. Every line must be a seeded SKU and all of one fulfilment:
    /// SKU_FBA lines make an AFN order, SKU_FBM lines an MFN order. The order's amounts are the SDK's (after
    /// discounts); the fake renders Amazon's: <c>ItemPrice</c> is the line total before its promotion
    /// (<see cref="OrderLine.Total"/> + <see cref="OrderLine.Discount"/>), <c>PromotionDiscount</c> the line's discount,
    /// <c>ItemTax</c> the line's tax before the promotion (a line with a rate and no amount: the amount the rate implies)
    /// and <c>PromotionDiscountTax</c> the promotion's tax (where
    /// prices include VAT, at the line's rate; zero where they are net). The shipping goes to the first item:
    /// <c>ShippingPrice</c> before and <c>ShippingDiscount</c> the order's shipping discount, with their taxes likewise.
    /// <c>OrderTotal</c> is the seeded total, else Amazon's sum of the rendered items. Buyer and address PII (names,
    /// streets) are left out, as Amazon leaves them out without a restricted data token.
    /// </param>
    /// <exception cref="ArgumentException">The order exists, has no lines or has fees (charge those with <see cref="SetGiftWrap"/> and <see cref="SetCashOnDelivery"/>), a SKU is not seeded, or fulfilments are mixed.</exception>
    public override void SeedOrder(MarketplaceOrder order) => SeedOrder(order, DefaultMarketplaceId);

    /// <summary>Places an order on a given marketplace; see <see cref="SeedOrder(MarketplaceOrder)"/>.</summary>
    /// <param name="order">The order.</param>
    /// <param name="marketplaceId">The marketplace id, e.g. <c>A1PN6IFQEWUF5Q</c> (Amazon.de).</param>
    /// <exception cref="ArgumentException">As for <see cref="SeedOrder(MarketplaceOrder)"/>.</exception>
    public void SeedOrder(MarketplaceOrder order, string marketplaceId)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrWhiteSpace(marketplaceId);
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

            var listings = order.Lines.Select(ListingOf).ToArray();
            var byAmazon = listings[0].FulfilledByAmazon;
            if (listings.Any(l => l.FulfilledByAmazon != byAmazon))
            {
                // Amazon splits such a purchase into one AFN and one MFN order.
                throw new ArgumentException($"Order {order.OrderNumber} mixes FBA and FBM lines; Amazon makes two orders of it.", nameof(order));
            }

            if (order.Fees.Count > 0)
            {
                throw new ArgumentException($"Order {order.OrderNumber} has fees; Amazon has no fee lines: charge gift wrap or cash on delivery with SetGiftWrap or SetCashOnDelivery.", nameof(order));
            }

            var currency = order.Currency.Value;
            var gross = order.PricesIncludeTax;
            var items = new List<JsonObject>();
            for (var i = 0; i < order.Lines.Count; i++)
            {
                var line = order.Lines[i];
                var promotion = line.Discount?.Amount ?? 0m;
                var promotionTax = DiscountTax(promotion, line.TaxRate, gross, order.Currency);
                var shippingDiscount = i == 0 ? order.ShippingDiscount?.Amount ?? 0m : 0m;
                var shippingDiscountTax = DiscountTax(shippingDiscount, order.Lines[0].TaxRate, gross, order.Currency);

                // Kept as given, so that the lines an ERP ships (by the line ids it received) are the fake's items.
                var itemId = string.IsNullOrWhiteSpace(line.LineId) ? (_nextOrderItemId++).ToString(CultureInfo.InvariantCulture) : line.LineId;
                items.Add(new JsonObject
                {
                    ["ASIN"] = listings[i].Asin,
                    ["SellerSKU"] = listings[i].Sku,
                    ["OrderItemId"] = itemId,
                    ["Title"] = line.Title,
                    ["QuantityOrdered"] = line.Quantity,
                    ["QuantityShipped"] = 0,
                    ["ProductInfo"] = new JsonObject { ["NumberOfItems"] = "1" },
                    ["ItemPrice"] = Money(currency, line.Total.Amount + promotion),
                    ["ShippingPrice"] = Money(currency, i == 0 ? order.ShippingCost.Amount + shippingDiscount : 0m),
                    ["ItemTax"] = Money(currency, (line.TaxAmount?.Amount ?? ImpliedTax(line, gross, order.Currency)) + promotionTax),
                    ["ShippingTax"] = Money(currency, i == 0 ? (order.ShippingTax?.Amount ?? 0m) + shippingDiscountTax : 0m),
                    ["ShippingDiscount"] = Money(currency, shippingDiscount),
                    ["ShippingDiscountTax"] = Money(currency, shippingDiscountTax),
                    ["PromotionDiscount"] = Money(currency, promotion),
                    ["PromotionDiscountTax"] = Money(currency, promotionTax),
                    ["IsGift"] = "false",
                    ["ConditionId"] = "New",
                    ["ConditionSubtypeId"] = "New",
                    ["IsTransparency"] = false,
                });
            }

            var total = order.Total?.Amount ?? OrderTotalOf(items, gross);
            var status = AmazonOrderStatus.FromSdk(order.Status);
            var quantity = order.Lines.Sum(l => l.Quantity);
            var shipped = status == "Shipped" ? quantity : 0;
            if (shipped > 0)
            {
                items.ForEach(item => item["QuantityShipped"] = (int)item["QuantityOrdered"]!);
            }

            var json = new JsonObject
            {
                ["AmazonOrderId"] = order.OrderNumber,
                ["PurchaseDate"] = Iso(order.CreatedAt),
                ["LastUpdateDate"] = Iso(order.UpdatedAt),
                ["OrderStatus"] = status,
                ["FulfillmentChannel"] = byAmazon ? "AFN" : "MFN",
                ["SalesChannel"] = "Amazon.de",
                ["ShipServiceLevel"] = "Std DE Dom",
                ["OrderTotal"] = Money(currency, total),
                ["NumberOfItemsShipped"] = shipped,
                ["NumberOfItemsUnshipped"] = quantity - shipped,
                ["PaymentMethod"] = "Other",
                ["PaymentMethodDetails"] = new JsonArray("Standard"),
                ["MarketplaceId"] = marketplaceId,
                ["ShipmentServiceLevelCategory"] = "Standard",
                ["OrderType"] = "StandardOrder",
                ["EarliestShipDate"] = Iso(order.CreatedAt),
                ["LatestShipDate"] = Iso(order.CreatedAt + Duration.FromDays(2)),
                ["IsBusinessOrder"] = false,
                ["IsPrime"] = false,
                ["IsPremiumOrder"] = false,
                ["IsGlobalExpressEnabled"] = false,
                ["IsSoldByAB"] = false,
                ["IsIBA"] = false,
                ["IsISPU"] = false,
                ["IsAccessPointOrder"] = false,
            };
            if (order.ShippingAddress is { } address)
            {
                json["ShippingAddress"] = new JsonObject
                {
                    ["City"] = address.City,
                    ["StateOrRegion"] = address.Region,
                    ["PostalCode"] = address.PostalCode,
                    ["CountryCode"] = address.CountryCode,
                };
            }

            _orders.Add(new AmazonOrder
            {
                AmazonOrderId = order.OrderNumber,
                PurchaseDate = order.CreatedAt,
                LastUpdateDate = order.UpdatedAt,
                Json = json,
                Items = items,
                PricesIncludeTax = gross,
            });
        }
    }

    /// <summary>
    /// Gift-wraps an order item, as getOrderItems renders it: the item's <c>BuyerInfo.GiftWrapPrice</c> and
    /// <c>GiftWrapTax</c> (<c>ItemPrice</c> excludes gift wrap), and <c>OrderTotal</c> grows by the price, and by its tax
    /// where the marketplace quotes prices without tax.
    /// </summary>
    /// <param name="amazonOrderId">The order.</param>
    /// <param name="orderItemId">The item.</param>
    /// <param name="price">The gift wrap price, with tax where prices include it.</param>
    /// <param name="tax">The tax on it.</param>
    /// <exception cref="ArgumentException">The order or the item is unknown.</exception>
    public void SetGiftWrap(string amazonOrderId, string orderItemId, decimal price, decimal tax) =>
        ChangeItem(amazonOrderId, orderItemId, (order, item, currency) =>
        {
            item["BuyerInfo"] = new JsonObject { ["GiftWrapPrice"] = Money(currency, price), ["GiftWrapTax"] = Money(currency, tax), ["GiftWrapLevel"] = "Classic" };
            return order.PricesIncludeTax ? price : price + tax;
        });

    /// <summary>
    /// Charges cash on delivery on an order item, as getOrderItems renders it: the item's <c>CODFee</c> and
    /// <c>CODFeeDiscount</c>, and <c>OrderTotal</c> grows by the fee less its discount; the order's
    /// <c>PaymentMethod</c> becomes <c>COD</c>.
    /// </summary>
    /// <param name="amazonOrderId">The order.</param>
    /// <param name="orderItemId">The item.</param>
    /// <param name="fee">The fee.</param>
    /// <param name="discount">The discount on it.</param>
    /// <exception cref="ArgumentException">The order or the item is unknown.</exception>
    public void SetCashOnDelivery(string amazonOrderId, string orderItemId, decimal fee, decimal discount) =>
        ChangeItem(amazonOrderId, orderItemId, (order, item, currency) =>
        {
            item["CODFee"] = Money(currency, fee);
            item["CODFeeDiscount"] = Money(currency, discount);
            order.Json["PaymentMethod"] = "COD";
            return fee - discount;
        });

    /// <summary>
    /// Cancels one item of an order that goes on, as Amazon does when a buyer or seller cancels a line: the item stays
    /// in getOrderItems with <c>QuantityOrdered</c> 0 and without its price, tax and promotion, and <c>OrderTotal</c>
    /// drops by what the item cost after its promotion (with its tax where prices are net). Its shipping stays.
    /// </summary>
    /// <param name="amazonOrderId">The order.</param>
    /// <param name="orderItemId">The item.</param>
    /// <exception cref="ArgumentException">The order or the item is unknown.</exception>
    public void CancelItem(string amazonOrderId, string orderItemId) =>
        ChangeItem(amazonOrderId, orderItemId, (order, item, _) =>
        {
            var paid = AmountOf(item, "ItemPrice") - AmountOf(item, "PromotionDiscount")
                + (order.PricesIncludeTax ? 0m : AmountOf(item, "ItemTax") - AmountOf(item, "PromotionDiscountTax"));
            item["QuantityOrdered"] = 0;
            item.Remove("ItemPrice");
            item.Remove("ItemTax");
            item.Remove("PromotionDiscount");
            item.Remove("PromotionDiscountTax");

            return -paid;
        });

    // Changes one item of an order; the change returns what it adds to OrderTotal.
    private void ChangeItem(string amazonOrderId, string orderItemId, Func<AmazonOrder, JsonObject, string, decimal> change)
    {
        lock (Gate)
        {
            var order = FindOrder(amazonOrderId) ?? throw new ArgumentException($"No order {amazonOrderId}.", nameof(amazonOrderId));
            var item = order.Items.Find(i => (string?)i["OrderItemId"] == orderItemId)
                ?? throw new ArgumentException($"Order {amazonOrderId} has no item {orderItemId}.", nameof(orderItemId));
            var total = order.Json["OrderTotal"]!.AsObject();
            var currency = (string)total["CurrencyCode"]!;
            var added = change(order, item, currency);
            order.Json["OrderTotal"] = Money(currency, decimal.Parse((string)total["Amount"]!, CultureInfo.InvariantCulture) + added);
        }
    }

    // OrderTotal as Amazon sums it: what the buyer pays for the items and the shipping, each less its discount, and their
    // tax on top where prices are net (ItemPrice 10.00 + ItemTax 1.01 = OrderTotal 11.01 in the US sandbox).
    private static decimal OrderTotalOf(List<JsonObject> items, bool gross) => items.Sum(item =>
        AmountOf(item, "ItemPrice") - AmountOf(item, "PromotionDiscount") + AmountOf(item, "ShippingPrice") - AmountOf(item, "ShippingDiscount")
        + (gross ? 0m : AmountOf(item, "ItemTax") - AmountOf(item, "PromotionDiscountTax") + AmountOf(item, "ShippingTax") - AmountOf(item, "ShippingDiscountTax")));

    private static decimal AmountOf(JsonObject item, string field) =>
        decimal.Parse((string)item[field]!["Amount"]!, CultureInfo.InvariantCulture);

    // Amazon always states an item's tax; a seeded line with a rate but no amount gets the amount the rate implies (a
    // seeded zero stays zero, as Amazon.de often sends it for a price with VAT in it).
    private static decimal ImpliedTax(OrderLine line, bool gross, CurrencyCode currency) =>
        line.TaxRate is { } rate
            ? new Money(gross ? line.Total.Amount * rate / (1 + rate) : line.Total.Amount * rate, currency).RoundToMinorUnit().Amount
            : 0m;

    // Where prices include VAT a discount takes its VAT with it, which Amazon shows as the discount's tax (*DiscountTax);
    // net prices are taxed after the discount (ItemTax is the tax of the discounted line), so the discount has none.
    private static decimal DiscountTax(decimal discount, decimal? rate, bool gross, CurrencyCode currency) =>
        gross && rate is { } r && discount != 0m
            ? new Money(discount * r / (1 + r), currency).RoundToMinorUnit().Amount
            : 0m;

    private static Instant? ParseIso(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? Instant.FromDateTimeOffset(parsed)
            : null;

    private AmazonListing ListingOf(OrderLine line)
    {
        if (line.ForeignNumber is not { } number)
        {
            throw new ArgumentException($"Line {line.LineId}: an Amazon order item always has a seller SKU.", nameof(line));
        }

        var (sku, byAmazon) = SkuOf(number);
        return _listings.Find(l => l.Sku == sku && l.FulfilledByAmazon == byAmazon)
            ?? throw new ArgumentException($"Line {line.LineId}: SKU {sku} ({number.Label}) is not listed; seed it first.", nameof(line));
    }

    private void MapOrders()
    {
        Map(AmazonOperations.GetOrders, "GET", OrdersApi, Throttled(AmazonOperations.GetOrders, GetOrders));
        Map(AmazonOperations.GetOrder, "GET", $"{OrdersApi}/(?<orderId>[^/]+)", Throttled(AmazonOperations.GetOrder, request =>
            FindOrder(request.RouteValues["orderId"]) is { } order
                ? Json(200, new JsonObject { ["payload"] = order.Json.DeepClone() }, RequestIdHeader())
                : OrderNotFound()));
        Map(AmazonOperations.GetOrderItems, "GET", $"{OrdersApi}/(?<orderId>[^/]+)/orderItems", Throttled(AmazonOperations.GetOrderItems, GetOrderItems));
        Map(AmazonOperations.ConfirmShipment, "POST", $"{OrdersApi}/(?<orderId>[^/]+)/shipmentConfirmation", Throttled(AmazonOperations.ConfirmShipment, ConfirmShipment));
    }

    private FakeResponse OrderNotFound() => Errors(404, "NotFound", "Invalid AmazonOrderId.");

    private FakeResponse InvalidInput(string message) => Errors(400, "InvalidInput", message);

    /// <summary>
    /// <c>getOrders</c>: MarketplaceIds (at most 50) on every request; on the first page CreatedAfter or LastUpdatedAfter
    /// ("after or at"), not both kinds; CreatedBefore and LastUpdatedBefore at least two minutes before now; MaxResultsPerPage 1–100
    /// (default 100); OrderStatuses, FulfillmentChannels, PaymentMethods and AmazonOrderIds (at most 50) filter; the
    /// model's other filters are refused by name (400), since the fake's orders have no data for them. Orders come oldest change first; the NextToken pins the rest of the result, so a page never
    /// repeats or skips an order that changed between pages.
    /// </summary>
    private FakeResponse GetOrders(FakeCall request)
    {
        if (!request.Query.TryGetValue("MarketplaceIds", out var marketplaceText) || string.IsNullOrWhiteSpace(marketplaceText))
        {
            return InvalidInput("MarketplaceIds is required.");
        }

        var marketplaceIds = marketplaceText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (marketplaceIds.Length > MaxMarketplaceIds)
        {
            return InvalidInput($"MarketplaceIds accepts at most {MaxMarketplaceIds} values.");
        }

        if (UnmodelledOrderFilters.FirstOrDefault(request.Query.ContainsKey) is { } unmodelled)
        {
            return InvalidInput($"{unmodelled} is a getOrders filter the Amazon fake does not model; see docs/testing.md.");
        }

        var perPage = MaxResultsPerPage;
        if (request.Query.TryGetValue("MaxResultsPerPage", out var perPageText)
            && (!int.TryParse(perPageText, NumberStyles.None, CultureInfo.InvariantCulture, out perPage) || perPage is < 1 or > MaxResultsPerPage))
        {
            return InvalidInput($"MaxResultsPerPage must be between 1 and {MaxResultsPerPage}.");
        }

        List<string> ids;
        if (request.Query.TryGetValue("NextToken", out var nextToken))
        {
            // A token can be sent again (Amazon documents no single use): a client repeats a page whose answer it lost.
            if (!_nextTokens.TryGetValue(nextToken, out ids!))
            {
                return InvalidInput("Invalid NextToken.");
            }
        }
        else
        {
            var filtered = Filter(request, marketplaceIds, out var refusal);
            if (filtered is null)
            {
                return refusal!;
            }

            ids = filtered;
        }

        var page = new JsonArray(ids.Take(perPage).Select(id => (JsonNode)FindOrder(id)!.Json.DeepClone()).ToArray());
        var payload = new JsonObject();
        if (ids.Count > perPage)
        {
            var token = Convert.ToBase64String(BitConverter.GetBytes(_nextTokenNumber++)).TrimEnd('=');
            _nextTokens[token] = ids.Skip(perPage).ToList();
            payload["NextToken"] = token;
        }

        payload["Orders"] = page;
        return Json(200, new JsonObject { ["payload"] = payload }, RequestIdHeader());
    }

    private static string[]? ListOf(FakeCall request, string name) =>
        request.Query.TryGetValue(name, out var text) ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;

    private List<string>? Filter(FakeCall request, string[] marketplaceIds, out FakeResponse? refusal)
    {
        refusal = null;
        var bounds = new Dictionary<string, Instant>(StringComparer.Ordinal);
        foreach (var name in DateFilters)
        {
            if (!request.Query.TryGetValue(name, out var text))
            {
                continue;
            }

            if (ParseIso(text) is not { } bound)
            {
                refusal = InvalidInput($"{name} must be in ISO 8601 date time format.");
                return null;
            }

            bounds[name] = bound;
        }

        var orderIds = ListOf(request, "AmazonOrderIds");
        if (orderIds?.Length > MaxAmazonOrderIds)
        {
            refusal = InvalidInput($"AmazonOrderIds accepts at most {MaxAmazonOrderIds} values.");
            return null;
        }

        if (!bounds.ContainsKey("CreatedAfter") && !bounds.ContainsKey("LastUpdatedAfter"))
        {
            refusal = InvalidInput("Either CreatedAfter or LastUpdatedAfter is required.");
            return null;
        }

        if (bounds.ContainsKey("CreatedAfter") && bounds.Keys.FirstOrDefault(k => k.StartsWith("LastUpdated", StringComparison.Ordinal)) is { } lastUpdated)
        {
            refusal = InvalidInput($"{lastUpdated} cannot be set when CreatedAfter is set.");
            return null;
        }

        var latest = Clock.GetCurrentInstant() - BeforeMargin;
        if (bounds.FirstOrDefault(b => b.Key.EndsWith("Before", StringComparison.Ordinal) && b.Value > latest) is { Key: not null } tooLate)
        {
            refusal = InvalidInput($"{tooLate.Key} must be at least 2 minutes before the time of the request.");
            return null;
        }

        var statuses = ListOf(request, "OrderStatuses");
        var channels = ListOf(request, "FulfillmentChannels");
        var paymentMethods = ListOf(request, "PaymentMethods");
        return _orders
            .Where(o => marketplaceIds.Contains(o.MarketplaceId, StringComparer.Ordinal))
            .Where(o => !bounds.TryGetValue("CreatedAfter", out var b) || o.PurchaseDate >= b)
            .Where(o => !bounds.TryGetValue("CreatedBefore", out var b) || o.PurchaseDate <= b)
            .Where(o => !bounds.TryGetValue("LastUpdatedAfter", out var b) || o.LastUpdateDate >= b)
            .Where(o => !bounds.TryGetValue("LastUpdatedBefore", out var b) || o.LastUpdateDate <= b)
            .Where(o => statuses is null || statuses.Contains(o.Status, StringComparer.Ordinal))
            .Where(o => channels is null || channels.Contains((string?)o.Json["FulfillmentChannel"], StringComparer.Ordinal))
            .Where(o => paymentMethods is null || paymentMethods.Contains((string?)o.Json["PaymentMethod"], StringComparer.Ordinal))
            .Where(o => orderIds is null || orderIds.Contains(o.AmazonOrderId, StringComparer.Ordinal))
            .OrderBy(o => o.LastUpdateDate)
            .ThenBy(o => o.AmazonOrderId, StringComparer.Ordinal)
            .Select(o => o.AmazonOrderId)
            .ToList();
    }

    /// <summary>
    /// <c>getOrderItems</c>: every item on one page. Amazon pages items with NextToken too, but documents no page
    /// size; a client must still follow a NextToken when one comes.
    /// </summary>
    private FakeResponse GetOrderItems(FakeCall request)
    {
        if (FindOrder(request.RouteValues["orderId"]) is not { } order)
        {
            return OrderNotFound();
        }

        return Json(200, new JsonObject
        {
            ["payload"] = new JsonObject
            {
                ["OrderItems"] = new JsonArray(order.Items.Select(i => (JsonNode)i.DeepClone()).ToArray()),
                ["AmazonOrderId"] = order.AmazonOrderId,
            },
        }, RequestIdHeader());
    }

    /// <summary>
    /// <c>confirmShipment</c>: 204 without a body, as documented. Refused with 400 <c>InvalidInput</c>: a body
    /// without marketplaceId or packageDetail (packageReferenceId, carrierCode, trackingNumber, an ISO 8601 shipDate,
    /// orderItems), carrier code <c>Other</c> without carrierName, an order not ready to ship (only Unshipped and
    /// PartiallyShipped are), an AFN order (Amazon ships those itself; the fake's choice of answer), an unknown
    /// orderItemId, or more units than are left unshipped.
    /// </summary>
    private FakeResponse ConfirmShipment(FakeCall request)
    {
        if (FindOrder(request.RouteValues["orderId"]) is not { } order)
        {
            return OrderNotFound();
        }

        if (ParseObject(request.Body) is not { } body)
        {
            return InvalidInput("The request body is not a valid JSON object.");
        }

        if ((string?)body["marketplaceId"] is not { Length: > 0 } marketplaceId || marketplaceId != order.MarketplaceId)
        {
            return InvalidInput("marketplaceId is missing or is not the order's marketplace.");
        }

        if (body["packageDetail"] is not JsonObject package)
        {
            return InvalidInput("packageDetail is required.");
        }

        var missing = RequiredPackageFields.FirstOrDefault(name => package[name] is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Length == 0);
        if (missing is not null)
        {
            return InvalidInput($"packageDetail.{missing} is required.");
        }

        if (ParseIso((string?)package["shipDate"]) is null || !((string)package["shipDate"]!).Contains('T', StringComparison.Ordinal))
        {
            return InvalidInput("packageDetail.shipDate must be in ISO 8601 date time format.");
        }

        var carrier = (string)package["carrierCode"]!;
        if (carrier == "Other")
        {
            if ((string?)package["carrierName"] is not { Length: > 0 } carrierName)
            {
                return InvalidInput("packageDetail.carrierName is required when carrierCode is Other.");
            }

            carrier = carrierName;
        }

        if (order.FulfilledByAmazon)
        {
            return InvalidInput("The order is fulfilled by Amazon; Amazon confirms its shipments.");
        }

        if (order.Status is not ("Unshipped" or "PartiallyShipped"))
        {
            return InvalidInput($"The order is {order.Status}; only Unshipped and PartiallyShipped orders can be shipped.");
        }

        if (package["orderItems"] is not JsonArray { Count: > 0 } packageItems)
        {
            return InvalidInput("packageDetail.orderItems is required.");
        }

        var lines = new List<ShippedLine>();
        foreach (var node in packageItems)
        {
            var itemId = (string?)node?["orderItemId"];
            var item = order.Items.Find(i => (string?)i["OrderItemId"] == itemId);
            if (item is null || node!["quantity"] is not JsonValue q || !q.TryGetValue<int>(out var quantity) || quantity < 1)
            {
                return InvalidInput($"orderItemId {itemId} is not an item of the order, or its quantity is not a positive number.");
            }

            if ((int)item["QuantityShipped"]! + quantity + lines.Where(l => l.LineId == itemId).Sum(l => l.Quantity) > (int)item["QuantityOrdered"]!)
            {
                return InvalidInput($"orderItemId {itemId}: more units than are left unshipped.");
            }

            lines.Add(new ShippedLine(itemId!, quantity));
        }

        foreach (var line in lines)
        {
            var item = order.Items.Find(i => (string?)i["OrderItemId"] == line.LineId)!;
            item["QuantityShipped"] = (int)item["QuantityShipped"]! + line.Quantity;
        }

        var shipped = order.Items.Sum(i => (int)i["QuantityShipped"]!);
        var ordered = order.Items.Sum(i => (int)i["QuantityOrdered"]!);
        order.Json["OrderStatus"] = shipped == ordered ? "Shipped" : "PartiallyShipped";
        order.Json["NumberOfItemsShipped"] = shipped;
        order.Json["NumberOfItemsUnshipped"] = ordered - shipped;
        order.LastUpdateDate = Clock.GetCurrentInstant();
        order.Json["LastUpdateDate"] = Iso(order.LastUpdateDate);
        order.Shipments.Add(new FakeShipment((string)package["trackingNumber"]!, carrier, lines));
        return new FakeResponse(204, null, RequestIdHeader());
    }
}
