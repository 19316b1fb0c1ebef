using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <content>Orders: the paged list with WooCommerce's filters and headers, status updates and notes.</content>
public sealed partial class WooCommerceFake
{
    private const int DefaultPerPage = 10;
    private const int MaxPerPage = 100;

    /// <summary>Places an order, rendered as WooCommerce's order JSON.</summary>
    /// <param name="order">
    /// The order. A numeric <see cref="MarketplaceOrder.MarketplaceOrderId"/> becomes the order id (otherwise the
    /// fake numbers it); lines with an SKU foreign number point at the seeded product's (or variation's) ids.
    /// WooCommerce line prices and totals exclude tax: with <see cref="MarketplaceOrder.PricesIncludeTax"/> the
    /// line's tax is taken out of its total (<see cref="OrderLine.Total"/>), likewise for shipping and fees. A line's
    /// discount becomes its <c>subtotal</c> before the coupon and one coupon line with their sum, which
    /// <c>discount_total</c> and <c>discount_tax</c> repeat; fees become <c>fee_lines</c>; free shipping (no cost, a
    /// shipping discount) the <c>free_shipping</c> method at 0.00. <c>total</c> is the seeded total, else WooCommerce's
    /// sum: lines after coupons, fees, shipping, and all their taxes.
    /// </param>
    /// <exception cref="ArgumentException">A line's SKU is not seeded, or the order number exists.</exception>
    public override void SeedOrder(MarketplaceOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (Gate)
        {
            if (FindOrder(order.OrderNumber) is not null)
            {
                throw new ArgumentException($"Order {order.OrderNumber} exists already.", nameof(order));
            }

            var id = long.TryParse(order.MarketplaceOrderId, NumberStyles.None, CultureInfo.InvariantCulture, out var given) ? given : _nextOrderId++;
            _nextOrderId = Math.Max(_nextOrderId, id + 1);
            _orders.Add(new WooOrder
            {
                Id = id,
                Number = order.OrderNumber,
                Created = order.CreatedAt,
                Modified = order.UpdatedAt,
                Json = RenderOrder(id, order),
            });
        }
    }

    private static Instant? ParseDate(string? value)
    {
        // WooCommerce takes ISO 8601 with or without an offset; the fake's site time zone is UTC.
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? Instant.FromDateTimeOffset(parsed)
            : null;
    }

    private static bool TryPage(FakeCall request, out int page, out int perPage, out FakeResponse refusal)
    {
        page = 1;
        perPage = DefaultPerPage;
        refusal = null!;
        if (request.Query.TryGetValue("page", out var pageText) && (!int.TryParse(pageText, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            refusal = InvalidParameter("page", "page must be greater than or equal to 1", "rest_out_of_bounds");
            return false;
        }

        if (request.Query.TryGetValue("per_page", out var perPageText)
            && (!int.TryParse(perPageText, CultureInfo.InvariantCulture, out perPage) || perPage < 1 || perPage > MaxPerPage))
        {
            refusal = InvalidParameter("per_page", $"per_page must be between 1 (inclusive) and {MaxPerPage} (inclusive)", "rest_out_of_bounds");
            return false;
        }

        return true;
    }

    private static JsonObject Address(Address? address, string? email, bool billing)
    {
        var name = address?.Name ?? string.Empty;
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        var json = new JsonObject
        {
            ["first_name"] = space < 0 ? name : name[..space],
            ["last_name"] = space < 0 ? string.Empty : name[(space + 1)..],
            ["company"] = address?.Company ?? string.Empty,
            ["address_1"] = address?.Street ?? string.Empty,
            ["address_2"] = address?.AddressLine2 ?? string.Empty,
            ["city"] = address?.City ?? string.Empty,
            ["state"] = address?.Region ?? string.Empty,
            ["postcode"] = address?.PostalCode ?? string.Empty,
            ["country"] = address?.CountryCode ?? string.Empty,
        };
        if (billing)
        {
            json["email"] = email ?? string.Empty;
        }

        json["phone"] = address?.Phone ?? string.Empty;
        return json;
    }

    // WooCommerce keeps a line's amounts before the discount (subtotal, subtotal_tax) next to those after it (total,
    // total_tax). The split of a gross discount into net and tax follows the line's own tax share, so the amounts add up
    // to the cent: subtotal + subtotal_tax is the line's amount plus its discount.
    private static (decimal Subtotal, decimal SubtotalTax) BeforeDiscount(OrderLine line, decimal net, decimal tax, bool pricesIncludeTax)
    {
        var discount = line.Discount?.Amount ?? 0m;
        if (discount == 0m)
        {
            return (net, tax);
        }

        if (pricesIncludeTax)
        {
            var before = net + tax + discount;
            var beforeTax = net + tax == 0m ? 0m : decimal.Round(before * tax / (net + tax), 2);
            return (before - beforeTax, beforeTax);
        }

        var subtotal = net + discount;
        return (subtotal, net == 0m ? 0m : decimal.Round(subtotal * tax / net, 2));
    }

    // A line's amount without tax and its tax. Rounding per line (WooCommerce's default), both are the seed's. Rounding at
    // subtotal level, WooCommerce computes the tax of a line with a rate from that rate (WC_Tax::calc_tax) and keeps it
    // unrounded (round_line_tax), so the seed's tax amount is not used.
    private (decimal Net, decimal Tax) Taxed(OrderLine line, bool pricesIncludeTax)
    {
        var amount = line.Total.Amount;
        if (RoundTaxAtSubtotal && line.TaxRate is { } rate)
        {
            var exactTax = pricesIncludeTax ? amount * rate / (1m + rate) : amount * rate;
            return (pricesIncludeTax ? amount - exactTax : amount, exactTax);
        }

        var tax = line.TaxAmount?.Amount ?? 0m;
        return (pricesIncludeTax ? amount - tax : amount, tax);
    }

    private JsonObject RenderOrder(long id, MarketplaceOrder order)
    {
        var lines = new JsonArray();
        var linesTotal = 0m;
        var linesTax = 0m;
        var discountNet = 0m;
        var discountTax = 0m;
        var taxRates = new TaxRates();
        foreach (var line in order.Lines)
        {
            WooProduct? product = null;
            if (line.ForeignNumber is { } foreignNumber && foreignNumber.Label == ForeignNumberLabel.Sku)
            {
                product = _products.Find(p => p.Sku == foreignNumber.Value)
                    ?? throw new ArgumentException($"Line {line.LineId}: no product has SKU {foreignNumber.Value}; seed it first.", nameof(order));
            }

            var (net, tax) = Taxed(line, order.PricesIncludeTax);
            var (subtotal, subtotalTax) = BeforeDiscount(line, net, tax, order.PricesIncludeTax);
            linesTotal += net;
            linesTax += tax;
            discountNet += subtotal - net;
            discountTax += subtotalTax - tax;
            var rateId = taxRates.IdOf(line.TaxRate, tax);
            var lineId = long.TryParse(line.LineId, NumberStyles.None, CultureInfo.InvariantCulture, out var givenLine) ? givenLine : _nextLineId++;
            lines.Add(new JsonObject
            {
                ["id"] = lineId,
                ["name"] = line.Title,
                ["product_id"] = product is null ? 0 : product.IsVariation ? product.ParentId : product.Id,
                ["variation_id"] = product is { IsVariation: true } ? product.Id : 0,
                ["quantity"] = line.Quantity,
                ["tax_class"] = string.Empty,
                ["subtotal"] = Amount(subtotal),
                ["subtotal_tax"] = Amount(subtotalTax),
                ["total"] = Amount(net),
                ["total_tax"] = Amount(tax),
                ["taxes"] = rateId is { } taxId ? new JsonArray(new JsonObject { ["id"] = taxId, ["total"] = StoredAmount(tax), ["subtotal"] = StoredAmount(subtotalTax) }) : new JsonArray(),
                ["meta_data"] = new JsonArray(),
                ["sku"] = product?.Sku ?? line.Sku ?? string.Empty,
                ["price"] = JsonValue.Create(Math.Round(net / line.Quantity, 4)),
            });
        }

        var shippingTax = order.ShippingTax?.Amount ?? 0m;
        var shipping = order.PricesIncludeTax ? order.ShippingCost.Amount - shippingTax : order.ShippingCost.Amount;
        var fees = new JsonArray();
        var feesTotal = 0m;
        var feesTax = 0m;
        foreach (var fee in order.Fees)
        {
            var feeTax = fee.TaxAmount?.Amount ?? 0m;
            var feeNet = order.PricesIncludeTax ? fee.Amount.Amount - feeTax : fee.Amount.Amount;
            feesTotal += feeNet;
            feesTax += feeTax;
            fees.Add(new JsonObject
            {
                ["id"] = _nextLineId++,
                ["name"] = fee.Title,
                ["tax_class"] = string.Empty,
                ["tax_status"] = feeTax == 0m ? "none" : "taxable",
                ["total"] = Amount(feeNet),
                ["total_tax"] = Amount(feeTax),
                ["taxes"] = new JsonArray(),
                ["meta_data"] = new JsonArray(),
            });
        }

        var coupons = discountNet == 0m
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["id"] = _nextLineId++, ["code"] = "promo", ["discount"] = Amount(discountNet), ["discount_tax"] = Amount(discountTax), ["meta_data"] = new JsonArray() });
        var freeShipping = order.ShippingCost.Amount == 0m && order.ShippingDiscount is not null;

        // As WooCommerce's calculate_totals: cart total + fees + shipping + cart tax (lines and fees) + shipping tax, rounded
        // once (the amounts are unrounded only when tax is rounded at subtotal level).
        var total = order.Total?.Amount ?? decimal.Round(linesTotal + feesTotal + shipping + linesTax + feesTax + shippingTax, 2, MidpointRounding.AwayFromZero);
        var status = WooCommerceOrderStatus.FromSdk(order.Status);
        var paid = status is "processing" or "completed";
        return new JsonObject
        {
            ["id"] = id,
            ["parent_id"] = 0,
            ["number"] = order.OrderNumber,
            ["order_key"] = string.Create(CultureInfo.InvariantCulture, $"wc_order_{id:x8}"),
            ["created_via"] = "checkout",
            ["version"] = "9.4.0",
            ["status"] = status,
            ["currency"] = order.Currency.Value,
            ["date_created"] = Date(order.CreatedAt),
            ["date_created_gmt"] = Date(order.CreatedAt),
            ["date_modified"] = Date(order.UpdatedAt),
            ["date_modified_gmt"] = Date(order.UpdatedAt),
            ["discount_total"] = Amount(discountNet),
            ["discount_tax"] = Amount(discountTax),
            ["shipping_total"] = Amount(shipping),
            ["shipping_tax"] = Amount(shippingTax),
            ["cart_tax"] = Amount(linesTax + feesTax),
            ["total"] = Amount(total),
            ["total_tax"] = Amount(linesTax + feesTax + shippingTax),
            ["prices_include_tax"] = order.PricesIncludeTax,
            ["customer_id"] = 0,
            ["customer_ip_address"] = string.Empty,
            ["customer_user_agent"] = string.Empty,
            ["customer_note"] = string.Empty,
            ["billing"] = Address(order.BillingAddress ?? order.ShippingAddress, order.BuyerEmail, billing: true),
            ["shipping"] = Address(order.ShippingAddress, null, billing: false),
            ["payment_method"] = order.PaymentMethod ?? string.Empty,
            ["payment_method_title"] = order.PaymentMethod ?? string.Empty,
            ["transaction_id"] = string.Empty,
            ["date_paid"] = paid ? Date(order.CreatedAt) : null,
            ["date_paid_gmt"] = paid ? Date(order.CreatedAt) : null,
            ["date_completed"] = status == "completed" ? Date(order.UpdatedAt) : null,
            ["date_completed_gmt"] = status == "completed" ? Date(order.UpdatedAt) : null,
            ["cart_hash"] = string.Empty,
            ["meta_data"] = new JsonArray(),
            ["line_items"] = lines,
            ["tax_lines"] = taxRates.Render(() => _nextLineId++),
            ["shipping_lines"] = new JsonArray(new JsonObject
            {
                ["id"] = _nextLineId++,
                ["method_title"] = freeShipping ? "Free shipping" : "Flat rate",
                ["method_id"] = freeShipping ? "free_shipping" : "flat_rate",
                ["total"] = Amount(shipping),
                ["total_tax"] = Amount(shippingTax),
                ["taxes"] = new JsonArray(),
                ["meta_data"] = new JsonArray(),
            }),
            ["fee_lines"] = fees,
            ["coupon_lines"] = coupons,
            ["refunds"] = new JsonArray(),
            ["_links"] = Links($"orders/{id}", "orders"),
        };
    }

    private void MapOrders()
    {
        Route("orders.list", "GET", $"{Api}/orders", ListOrders);
        Route("orders.get", "GET", $@"{Api}/orders/(?<id>\d+)", request => FindOrder(request) is { } o ? Json(200, o.Json.DeepClone()) : OrderNotFound());
        Route("orders.update", "PUT", $@"{Api}/orders/(?<id>\d+)", UpdateOrder);
        MapNotes();
    }

    private static FakeResponse OrderNotFound() => Error(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");

    private WooOrder? FindOrder(FakeCall request)
    {
        var id = long.Parse(request.RouteValues["id"], CultureInfo.InvariantCulture);
        return _orders.Find(o => o.Id == id);
    }

    private FakeResponse ListOrders(FakeCall request)
    {
        if (!TryPage(request, out var page, out var perPage, out var refusal))
        {
            return refusal;
        }

        IEnumerable<WooOrder> orders = _orders;
        if (request.Query.TryGetValue("status", out var statusText) && statusText != "any")
        {
            var statuses = statusText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (statuses.FirstOrDefault(s => !WooCommerceOrderStatus.All.Contains(s)) is { } unknown)
            {
                return InvalidParameter("status", $"status[0] is not one of any, {string.Join(", ", WooCommerceOrderStatus.All)}.", "rest_not_in_enum");
            }

            orders = orders.Where(o => statuses.Contains(o.Status));
        }
        else if (statusText is null)
        {
            // Like WooCommerce, the default list leaves out trashed orders.
            orders = orders.Where(o => o.Status != "trash");
        }

        if (request.Query.TryGetValue("search", out var term) && term.Length > 0)
        {
            orders = orders.Where(o => MatchesSearch(o, term));
        }

        foreach (var (parameter, after, modified) in new[] { ("after", true, false), ("before", false, false), ("modified_after", true, true), ("modified_before", false, true) })
        {
            if (!request.Query.TryGetValue(parameter, out var text))
            {
                continue;
            }

            if (ParseDate(text) is not { } bound)
            {
                return InvalidParameter(parameter, "Invalid date.", "rest_invalid_date");
            }

            orders = orders.Where(o => (modified ? o.Modified : o.Created) is var at && (after ? at > bound : at < bound));
        }

        var orderBy = request.Query.GetValueOrDefault("orderby", "date");
        var ascending = string.Equals(request.Query.GetValueOrDefault("order", "desc"), "asc", StringComparison.OrdinalIgnoreCase);
        Func<WooOrder, IComparable> key = orderBy switch
        {
            "id" or "include" => o => o.Id,
            "modified" => o => o.Modified,
            "date" => o => o.Created,
            _ => null!,
        };
        if (key is null)
        {
            // title and slug are WooCommerce's own values, which the fake does not sort by.
            return orderBy is "title" or "slug"
                ? NotModelled("orderby")
                : InvalidParameter("orderby", "orderby is not one of date, id, include, title, slug, modified.", "rest_not_in_enum");
        }

        // Ties are broken by id, as MySQL does in practice, so pages never overlap.
        var sorted = ascending
            ? orders.OrderBy(key).ThenBy(o => o.Id)
            : orders.OrderByDescending(key).ThenByDescending(o => o.Id);
        return Paged(request, "orders", sorted.Select(o => o.Json.DeepClone()).ToList(), page, perPage);
    }

    // WooCommerce's order search: the id itself, and a part of the address fields, the e-mail and the items' names
    // (wc_order_search); the order number too, as sequential-number plugins make it searchable.
    private static bool MatchesSearch(WooOrder order, string term)
    {
        if (order.Id.ToString(CultureInfo.InvariantCulture) == term)
        {
            return true;
        }

        var json = order.Json;
        var texts = new List<string?> { order.Number };
        foreach (var address in new[] { json["billing"], json["shipping"] })
        {
            texts.AddRange(address is JsonObject fields ? fields.Select(f => f.Value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)f.Value : null) : []);
        }

        texts.AddRange(json["line_items"]?.AsArray().Select(l => (string?)l?["name"]) ?? []);
        return texts.Exists(t => t?.Contains(term, StringComparison.OrdinalIgnoreCase) == true);
    }

    private FakeResponse Paged(FakeCall request, string collection, List<JsonNode> items, int page, int perPage)
    {
        var total = items.Count;
        var totalPages = (total + perPage - 1) / perPage;
        var body = new JsonArray(items.Skip((page - 1) * perPage).Take(perPage).ToArray());
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-WP-Total"] = total.ToString(CultureInfo.InvariantCulture),
            ["X-WP-TotalPages"] = totalPages.ToString(CultureInfo.InvariantCulture),
        };
        var links = new List<string>();
        if (page > 1 && page - 1 <= Math.Max(totalPages, 1))
        {
            links.Add($"<{PageLink(request, collection, page - 1)}>; rel=\"prev\"");
        }

        if (page < totalPages)
        {
            links.Add($"<{PageLink(request, collection, page + 1)}>; rel=\"next\"");
        }

        if (links.Count > 0)
        {
            headers["Link"] = string.Join(", ", links);
        }

        return Json(200, body, headers);
    }

    private string PageLink(FakeCall request, string collection, int page)
    {
        // WordPress repeats the request's own parameters (credentials included) with the new page.
        var query = new StringBuilder();
        foreach (var (name, value) in request.Query.Where(p => p.Key != "page"))
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        query.Append(query.Length == 0 ? '?' : '&').Append("page=").Append(page.ToString(CultureInfo.InvariantCulture));
        return Href(collection) + query;
    }

    private FakeResponse UpdateOrder(FakeCall request)
    {
        if (FindOrder(request) is not { } order)
        {
            return OrderNotFound();
        }

        if (ParseBody(request) is not { } body)
        {
            return InvalidJson();
        }

        if (UnmodelledField(body, UnmodelledOrderFields) is { } unmodelled)
        {
            return NotModelled(unmodelled);
        }

        if (body["status"] is JsonNode statusNode)
        {
            var status = statusNode.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)statusNode : null;
            if (status is null || !WooCommerceOrderStatus.All.Contains(status))
            {
                return InvalidParameter("status", $"status is not one of {string.Join(", ", WooCommerceOrderStatus.All)}.", "rest_not_in_enum");
            }

            order.Json["status"] = status;
            var now = Date(Clock.GetCurrentInstant());
            if (status == "completed")
            {
                order.Json["date_completed"] = now;
                order.Json["date_completed_gmt"] = now;
            }
        }

        Touch(order);
        return Json(200, order.Json.DeepClone());
    }
}
