using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Prices;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <content>
/// Prices: <c>regular_price</c> and <c>sale_price</c> per product and variation (seeded at 19.99 without a sale),
/// with their sale dates <c>date_on_sale_from</c> and <c>date_on_sale_to</c>, written through the product and variation
/// routes and their batches as WooCommerce writes them, and the shop's currency and tax option under
/// <c>GET /settings/{group}/{id}</c>.
/// </content>
public sealed partial class WooCommerceFake : IPriceFake
{
    private static readonly string[] PriceFields = ["regular_price", "sale_price"];

    // The site's time zone is UTC, so a date and its _gmt twin set the same end of the sale.
    private static readonly (string Field, SaleEnd End)[] SaleDateFields =
        [("date_on_sale_from", SaleEnd.From), ("date_on_sale_from_gmt", SaleEnd.From), ("date_on_sale_to", SaleEnd.To), ("date_on_sale_to_gmt", SaleEnd.To)];

    /// <summary>
    /// The shop's currency (WooCommerce's setting <c>woocommerce_currency</c>, served by <c>GET
    /// /settings/general/woocommerce_currency</c> and <c>system_status</c>); EUR unless set. Set it while running to act
    /// as a shop owner who switches the currency.
    /// </summary>
    public CurrencyCode Currency { get; set; } = CurrencyCode.Eur;

    /// <summary>
    /// Whether the shop's prices are entered with tax (WooCommerce's setting <c>woocommerce_prices_include_tax</c>,
    /// served by <c>GET /settings/tax/woocommerce_prices_include_tax</c> as <c>yes</c> or <c>no</c>); off unless set,
    /// as in WooCommerce.
    /// </summary>
    public bool PricesIncludeTax { get; set; }

    /// <summary>
    /// The basis the shop takes prices on, as <see cref="PricesIncludeTax"/> says: <see cref="PriceBasis.Gross"/> when
    /// prices are entered with tax, else <see cref="PriceBasis.Net"/>.
    /// </summary>
    public PriceBasis? Basis => PricesIncludeTax ? PriceBasis.Gross : PriceBasis.Net;

    // wc_price's symbol from get_woocommerce_currency_symbol for the currencies tests use; the code for others.
    private string CurrencySymbol => Currency.Value switch
    {
        "EUR" => "&euro;",
        "USD" => "&#36;",
        "GBP" => "&pound;",
        "CHF" => "CHF",
        var code => code,
    };

    /// <summary>
    /// The price the shop sells the product or variation with this SKU at: <c>sale_price</c> with <c>regular_price</c> as
    /// its compare-at price while on sale (a sale price below the regular one), else <c>regular_price</c> alone.
    /// </summary>
    /// <param name="foreignNumber">The article's SKU.</param>
    /// <returns>The price in <see cref="Currency"/>; <see langword="null"/> for an unknown SKU, a variable product or one without a price.</returns>
    public FakePrice? PriceOf(ForeignNumber foreignNumber)
    {
        var sku = SkuOf(foreignNumber);
        lock (Gate)
        {
            if (_products.Find(p => p.Sku == sku) is not { Type: not "variable" } product || WooProduct.Parse(product.Price) is not { } price)
            {
                return null;
            }

            Money? compareAt = product.OnSale ? new Money(WooProduct.Parse(product.RegularPrice)!.Value, Currency) : null;
            return new FakePrice(new Money(price, Currency), compareAt);
        }
    }

    /// <summary>Sets a product's or variation's prices as if the shop owner edited them.</summary>
    /// <param name="foreignNumber">The article's SKU.</param>
    /// <param name="regularPrice">The regular price; <see langword="null"/> for none.</param>
    /// <param name="salePrice">The sale price; <see langword="null"/> for none.</param>
    /// <exception cref="KeyNotFoundException">No product or variation has this SKU.</exception>
    public void SetPrice(ForeignNumber foreignNumber, decimal? regularPrice, decimal? salePrice = null) =>
        EditAsShopOwner(foreignNumber, product =>
        {
            product.RegularPrice = regularPrice is { } regular ? StoredAmount(regular) : string.Empty;
            product.SalePrice = salePrice is { } sale ? StoredAmount(sale) : string.Empty;
        });

    /// <summary>
    /// Schedules a product's or variation's sale as if the shop owner set its sale dates (<c>date_on_sale_from</c> and
    /// <c>date_on_sale_to</c>): outside them the sale price is kept but the product sells at its regular price.
    /// </summary>
    /// <param name="foreignNumber">The article's SKU.</param>
    /// <param name="from">When the sale starts; <see langword="null"/> for no start.</param>
    /// <param name="to">When the sale ends; <see langword="null"/> for no end.</param>
    /// <exception cref="KeyNotFoundException">No product or variation has this SKU.</exception>
    public void ScheduleSale(ForeignNumber foreignNumber, Instant? from, Instant? to) =>
        EditAsShopOwner(foreignNumber, product =>
        {
            product.SaleFrom = from;
            product.SaleTo = to;
        });

    // wc_format_decimal as set_regular_price and set_sale_price apply it to what a client sends: the shop's decimal
    // separator becomes ".", every character but digits, "." and "-" is dropped, and of several dots only the last
    // stays. It refuses nothing: "12,50" is stored as "1250", as WooCommerce stores it.
    private static string FormatDecimal(string sent) =>
        Regex.Replace(sent.Trim(), @"\.(?![^.]+$)|[^0-9.\-]", string.Empty, RegexOptions.CultureInvariant);

    private void MapSettings() =>
        Route("settings.get", "GET", $@"{Api}/settings/(?<group>[\w-]+)/(?<id>[\w-]+)", request =>
            (request.RouteValues["group"], request.RouteValues["id"]) switch
            {
                ("general", "woocommerce_currency") => Json(200, SettingOption("general", "woocommerce_currency", "Currency", "select", "GBP", Currency.Value)),
                ("general", "woocommerce_price_num_decimals") => Json(200, SettingOption("general", "woocommerce_price_num_decimals", "Number of decimals", "number", "2", "2")),
                ("tax", "woocommerce_prices_include_tax") => Json(200, SettingOption("tax", "woocommerce_prices_include_tax", "Prices entered with tax", "radio", "no", PricesIncludeTax ? "yes" : "no")),
                ("general" or "tax", _) => Error(404, "rest_setting_setting_invalid", "Invalid setting."),
                _ => Error(404, "rest_setting_setting_group_invalid", "Invalid setting group."),
            });

    // A setting option as the v3 setting options controller renders it (the REST API docs' "Setting option properties").
    private JsonObject SettingOption(string group, string id, string label, string type, string defaultValue, string value) => new()
    {
        ["id"] = id,
        ["label"] = label,
        ["description"] = string.Empty,
        ["type"] = type,
        ["default"] = defaultValue,
        ["tip"] = string.Empty,
        ["value"] = value,
        ["group_id"] = group,
        ["_links"] = Links($"settings/{group}/{id}", $"settings/{group}"),
    };

    // The price fields and sale dates of a write, checked before anything is written: both prices are strings (the
    // schema); a sale date is set as the products controller sets it, only when given (isset: null changes nothing), ""
    // clearing it (set_date_prop stores an empty value as none), a date in the site's time zone (UTC here) setting it.
    private static FakeResponse? ReadPrices(JsonObject changes, out PriceChanges read)
    {
        read = new PriceChanges();
        foreach (var field in PriceFields.Where(changes.ContainsKey))
        {
            if (changes[field]?.GetValueKind() != JsonValueKind.String)
            {
                return InvalidParameter(field, $"{field} is not of type string.", "rest_invalid_type");
            }

            read.Prices[field] = FormatDecimal(changes[field]!.GetValue<string>());
        }

        foreach (var (field, end) in SaleDateFields.Where(f => changes[f.Field] is not null))
        {
            if (changes[field]!.GetValueKind() != JsonValueKind.String)
            {
                return InvalidParameter(field, $"{field} is not of type string.", "rest_invalid_type");
            }

            var sent = changes[field]!.GetValue<string>();
            if (sent.Length == 0)
            {
                read.SaleDates[end] = null;
            }
            else if (ParseDate(sent) is { } date)
            {
                read.SaleDates[end] = date;
            }
            else
            {
                return NotModelled(field);
            }
        }

        return null;
    }

    // A variable product keeps no price of its own (its variations' prices make it): WooCommerce sets its prices and sale
    // dates to '' on every write (prepare_object_for_database) and still answers success, so they stay empty.
    private static void ApplyPrices(WooProduct product, PriceChanges changes)
    {
        if (product.Type == "variable")
        {
            return;
        }

        product.RegularPrice = changes.Prices.GetValueOrDefault("regular_price", product.RegularPrice);
        product.SalePrice = changes.Prices.GetValueOrDefault("sale_price", product.SalePrice);
        product.SaleFrom = changes.SaleDates.TryGetValue(SaleEnd.From, out var from) ? from : product.SaleFrom;
        product.SaleTo = changes.SaleDates.TryGetValue(SaleEnd.To, out var to) ? to : product.SaleTo;
    }

    private enum SaleEnd
    {
        From,
        To,
    }

    // What a write changes of the prices: the stored price strings by field, and the sale dates it sets (null: cleared).
    private sealed class PriceChanges
    {
        public Dictionary<string, string> Prices { get; } = [];

        public Dictionary<SaleEnd, Instant?> SaleDates { get; } = [];
    }
}
