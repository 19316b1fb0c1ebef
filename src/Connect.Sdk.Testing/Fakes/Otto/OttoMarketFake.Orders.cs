using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.Orders;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Testing.Fakes.Otto;

/// <content>Orders v4: the list by change date with cursor links, and one order by sales order id or order number.</content>
public sealed partial class OttoMarketFake
{
    private static readonly InstantPattern OttoDate = InstantPattern.ExtendedIso;

    /// <summary>
    /// <c>GET /v4/orders</c>: orders changed at or after <c>fromDate</c>, sorted as the reference says: by order date
    /// (<c>orderColumnType=ORDER_LIFECYCLE_DATE</c>, the default and the only column it names), oldest first unless
    /// <c>orderDirection=DESC</c>; at most <c>limit</c> (128). The next link carries a cursor that remembers the sort, the
    /// filter and the last order's order date and id, so the next page starts after it: an order added meanwhile (a newer
    /// order date) comes on a later page, an order changed meanwhile keeps its place, so a reader that read its page
    /// already does not see the change in this pass. With <c>nextcursor</c>, only <c>limit</c> is read besides it.
    /// </summary>
    private FakeResponse ListOrders(FakeCall request)
    {
        var limit = OrderPageLimit;
        if (request.Query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > OrderPageLimit))
        {
            return Errors(400, "INVALID_REQUEST_PARAMETER", "/v4/orders?limit=" + limitText, $"limit must be between 1 and {OrderPageLimit}.");
        }

        OrderListPosition position;
        if (request.Query.TryGetValue("nextcursor", out var cursor))
        {
            if (OrderListPosition.Read(cursor) is not { } read)
            {
                return Errors(400, "INVALID_REQUEST_PARAMETER", "/v4/orders?nextcursor=" + cursor, "The cursor is not valid.");
            }

            position = read;
        }
        else
        {
            var from = Instant.MinValue;
            if (request.Query.TryGetValue("fromDate", out var fromText))
            {
                var parsed = OffsetDateTimePattern.ExtendedIso.Parse(fromText);
                if (!parsed.Success)
                {
                    return Errors(400, "INVALID_REQUEST_PARAMETER", "/v4/orders?fromDate=" + fromText, "fromDate is not an ISO 8601 date-time.");
                }

                from = parsed.Value.ToInstant();
            }

            if (request.Query.TryGetValue("orderColumnType", out var column) && column != "ORDER_LIFECYCLE_DATE")
            {
                return Errors(400, "INVALID_REQUEST_PARAMETER", "/v4/orders?orderColumnType=" + column, "orderColumnType must be ORDER_LIFECYCLE_DATE.");
            }

            var descending = false;
            if (request.Query.TryGetValue("orderDirection", out var direction))
            {
                if (direction is not ("ASC" or "DESC"))
                {
                    return Errors(400, "INVALID_REQUEST_PARAMETER", "/v4/orders?orderDirection=" + direction, "orderDirection must be ASC or DESC.");
                }

                descending = direction == "DESC";
            }

            position = new OrderListPosition(from, descending, null);
        }

        var sorted = position.Descending
            ? _orders.OrderByDescending(o => o.Seed.CreatedAt).ThenByDescending(o => o.SalesOrderId, StringComparer.Ordinal)
            : _orders.OrderBy(o => o.Seed.CreatedAt).ThenBy(o => o.SalesOrderId, StringComparer.Ordinal);
        var page = sorted
            .Where(o => o.LastModified >= position.ChangedFrom)
            .Where(position.IsAfter)
            .Take(limit + 1)
            .ToList();
        var body = new JsonObject { ["resources"] = new JsonArray([.. page.Take(limit).Select(Render)]) };
        if (page.Count > limit)
        {
            var last = page[limit - 1];
            body["links"] = new JsonArray(new JsonObject
            {
                ["rel"] = "next",
                ["href"] = string.Create(CultureInfo.InvariantCulture, $"/v4/orders?nextcursor={Uri.EscapeDataString((position with { Last = (last.Seed.CreatedAt, last.SalesOrderId) }).Write())}&limit={limit}"),
            });
        }

        return Json(200, body);
    }

    /// <summary><c>GET /v4/orders/{salesOrderId}</c> and <c>GET /v4/orders/{orderNumber}</c>: one order, or 404.</summary>
    private FakeResponse GetOrder(FakeCall request)
    {
        var id = Uri.UnescapeDataString(request.RouteValues["id"]);
        return _orders.Find(o => o.SalesOrderId == id || o.OrderNumber == id) is { } order
            ? Json(200, Render(order))
            : Errors(404, "NOT_FOUND", request.Path, $"No order {id}.");
    }

    // The order in the shape of the Orders v4 model (PartnerOrder, PositionItem, Product, Amount, Address, Payment,
    // InitialDeliveryFee): amounts as JSON numbers with a currency, countries in ISO 3166-1 alpha-3, one position item per piece.
    private static JsonObject Render(OttoFakeOrder order)
    {
        var seed = order.Seed;
        var json = new JsonObject
        {
            ["salesOrderId"] = seed.MarketplaceOrderId,
            ["orderNumber"] = seed.OrderNumber,
            ["orderDate"] = OttoDate.Format(seed.CreatedAt),
            ["lastModifiedDate"] = OttoDate.Format(order.LastModified),
            // "The date, when this order has been placed" (OrderLifecycleInformation), the list's sort column.
            ["orderLifecycleInformation"] = new JsonObject { ["lifecycleChangeDate"] = OttoDate.Format(seed.CreatedAt) },
            ["positionItems"] = new JsonArray([.. order.Items.Select(RenderItem)]),
            ["initialDeliveryFees"] = new JsonArray(new JsonObject
            {
                ["name"] = "DELIVERY_FEE_STANDARD",
                ["deliveryFeeAmount"] = Amount(seed.ShippingCost.Amount, seed.ShippingCost.Currency.ToString()),
                ["positionItemIds"] = new JsonArray([.. order.Items.Select(i => (JsonNode)i.PositionItemId)]),
                ["vatRate"] = order.Items.Count == 0 ? 19m : order.Items.Max(i => i.VatRatePercent),
            }),
            ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = "/v4/orders/" + seed.MarketplaceOrderId }),
        };
        // A credit on the seeded order (a negative fee: a voucher on the whole cart) is what OTTO states as an initial
        // discount on the pieces it applies to: all the pieces not cancelled.
        var credits = seed.Fees.Where(f => f.Amount.Amount < 0m).ToArray();
        if (credits.Length > 0)
        {
            var open = order.Items.Where(i => !i.FulfillmentStatus.StartsWith("CANCELLED", StringComparison.Ordinal)).Select(i => (JsonNode)i.PositionItemId).ToArray();
            json["initialDiscounts"] = new JsonArray([.. credits.Select((credit, k) => (JsonNode)new JsonObject
            {
                ["discountAmount"] = Amount(-credit.Amount.Amount, credit.Amount.Currency.ToString()),
                ["discountId"] = string.Create(CultureInfo.InvariantCulture, $"{seed.MarketplaceOrderId}-d{k + 1}"),
                ["discountName"] = credit.Title,
                ["name"] = "PARTNER_DISCOUNT",
                ["positionItemIds"] = new JsonArray([.. open.Select(id => id.DeepClone())]),
                ["vatRate"] = order.Items.Count == 0 ? 19m : order.Items.Max(i => i.VatRatePercent),
            })]);
        }

        if (seed.PaymentMethod is not null)
        {
            json["payment"] = new JsonObject { ["paymentMethod"] = seed.PaymentMethod };
        }

        if (seed.BillingAddress is { } billing)
        {
            json["invoiceAddress"] = RenderAddress(billing, email: null);
        }

        if (seed.ShippingAddress is { } shipping)
        {
            // The buyer's e-mail is plain in the delivery address only; the invoice address's is pseudonymised.
            json["deliveryAddress"] = RenderAddress(shipping, seed.BuyerEmail);
        }

        return json;
    }

    private static JsonObject RenderItem(OttoFakePositionItem item)
    {
        var json = new JsonObject
        {
            ["positionItemId"] = item.PositionItemId,
            ["fulfillmentStatus"] = item.FulfillmentStatus,
            ["itemValueGrossPrice"] = Amount(item.GrossPrice, item.Currency),
            ["product"] = new JsonObject
            {
                ["sku"] = item.Sku,
                ["productTitle"] = item.Title,
                ["articleNumber"] = "A" + item.Sku,
                ["vatRate"] = item.VatRatePercent,
            },
        };
        if (item.Discount is { } discount)
        {
            json["itemValueDiscount"] = Amount(discount, item.Currency);
            json["itemValueReducedGrossPrice"] = Amount(item.PaidPrice, item.Currency);
        }

        if (item.SentDate is { } sent)
        {
            json["sentDate"] = OttoDate.Format(sent);
            json["trackingInfo"] = new JsonObject { ["carrier"] = item.Carrier, ["trackingNumber"] = item.TrackingNumber };
        }

        return json;
    }

    private static JsonObject Amount(decimal amount, string currency) => new() { ["amount"] = amount, ["currency"] = currency };

    private static JsonObject RenderAddress(Address address, string? email)
    {
        var (first, last) = SplitName(address.Name);
        var (street, house) = SplitStreet(address.Street);
        var json = new JsonObject
        {
            ["salutation"] = "UNKNOWN",
            ["firstName"] = first,
            ["lastName"] = last,
            ["street"] = street,
            ["houseNumber"] = house,
            ["zipCode"] = address.PostalCode,
            ["city"] = address.City,
            ["countryCode"] = OttoCountries.Alpha3(address.CountryCode),
        };
        if (address.AddressLine2 is not null)
        {
            json["addition"] = address.AddressLine2;
        }

        if (address.Phone is not null)
        {
            json["phoneNumber"] = address.Phone;
        }

        if (email is not null)
        {
            json["email"] = email;
        }

        return json;
    }

    private static (string First, string Last) SplitName(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (string.Empty, name) : (name[..space], name[(space + 1)..]);
    }

    private static (string Street, string House) SplitStreet(string street)
    {
        var space = street.LastIndexOf(' ');
        return space < 0 ? (street, string.Empty) : (street[..space], street[(space + 1)..]);
    }
}
