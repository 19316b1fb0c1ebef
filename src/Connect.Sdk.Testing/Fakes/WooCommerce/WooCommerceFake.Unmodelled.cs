using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <content>
/// What WooCommerce's routes take but the fake does not model. WooCommerce would act on such a query parameter or body
/// field, so the fake refuses it the way WooCommerce refuses a parameter it will not take (400 <c>rest_invalid_param</c>,
/// naming it) instead of answering as if it had been applied. Names a route does not register are ignored, as WordPress
/// ignores them.
/// </content>
public sealed partial class WooCommerceFake
{
    // WordPress's global parameters that change an answer's shape.
    private static readonly string[] GlobalParameters = ["_fields", "_embed", "_envelope", "_jsonp", "_method"];

    // The collection parameters of the v3 controllers (get_collection_params) that the fake does not model.
    private static readonly FrozenDictionary<string, FrozenSet<string>> UnmodelledParameters = new Dictionary<string, FrozenSet<string>>
    {
        ["products.list"] = Set(
            "search", "after", "before", "modified_after", "modified_before", "dates_are_gmt", "exclude", "include", "offset", "order",
            "orderby", "parent", "parent_exclude", "slug", "status", "type", "featured", "category", "tag", "shipping_class",
            "attribute", "attribute_term", "tax_class", "on_sale", "min_price", "max_price", "stock_status"),
        ["variations.list"] = Set(
            "search", "after", "before", "modified_after", "modified_before", "dates_are_gmt", "exclude", "include", "offset", "order",
            "orderby", "parent", "parent_exclude", "slug", "status", "tax_class", "on_sale", "min_price", "max_price", "stock_status"),
        ["orders.list"] = Set("exclude", "include", "offset", "parent", "parent_exclude", "customer", "product", "dp", "created_via"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // The writable properties of each representation (the v3 reference's property tables, less the read-only ones) that
    // the fake does not store.
    private static readonly FrozenSet<string> UnmodelledProductFields = Set(
        "name", "slug", "type", "status", "featured", "catalog_visibility", "description", "short_description", "sku",
        "virtual", "downloadable",
        "downloads", "download_limit", "download_expiry", "external_url", "button_text", "tax_status", "tax_class", "stock_status",
        "backorders", "sold_individually", "weight", "dimensions", "shipping_class", "reviews_allowed", "upsell_ids", "cross_sell_ids",
        "parent_id", "purchase_note", "categories", "tags", "images", "attributes", "default_attributes", "grouped_products",
        "menu_order", "meta_data");

    private static readonly FrozenSet<string> UnmodelledVariationFields = Set(
        "description", "sku", "status", "virtual", "downloadable", "downloads", "download_limit", "download_expiry", "tax_status",
        "tax_class", "stock_status", "backorders", "weight", "dimensions", "shipping_class", "image", "attributes", "menu_order", "meta_data");

    private static readonly FrozenSet<string> UnmodelledOrderFields = Set(
        "parent_id", "currency", "customer_id", "customer_note", "billing", "shipping", "payment_method", "payment_method_title",
        "transaction_id", "meta_data", "line_items", "shipping_lines", "fee_lines", "coupon_lines", "set_paid");

    private static FrozenSet<string> Set(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);

    private static FakeResponse NotModelled(string name) =>
        InvalidParameter(name, $"{name} is not modelled by the WooCommerce fake (see the Testing guide), so it cannot be applied.", "rest_invalid_param");

    // A query parameter the route would act on but the fake cannot; context=view is WooCommerce's default and changes nothing.
    private static FakeResponse? UnmodelledParameter(FakeCall request)
    {
        var unmodelled = UnmodelledParameters.GetValueOrDefault(request.Operation);
        foreach (var name in request.Query.Keys)
        {
            if (GlobalParameters.Contains(name, StringComparer.Ordinal)
                || (name == "context" && request.Query[name] != "view")
                || unmodelled?.Contains(name) == true)
            {
                return NotModelled(name);
            }
        }

        return null;
    }

    // A body field WooCommerce would write but the fake does not store, checked before anything is written.
    private static string? UnmodelledField(JsonObject body, FrozenSet<string> unmodelled) =>
        body.Select(p => p.Key).FirstOrDefault(unmodelled.Contains);

    // WordPress matches a route ignoring case and a trailing slash (rest_api_loaded untrailingslashes the route;
    // WP_REST_Server::match_request_to_handler matches with the i flag).
    // The route reads the query as WooCommerce does (PhpQueryString), not as the HTTP server's first values.
    private void Route(string operation, string method, string pathPattern, Func<FakeCall, FakeResponse> handler) =>
        Map(operation, method, $"(?i){pathPattern}/?", request =>
        {
            var asPhpReadsIt = new FakeCall(
                request.Operation, request.Method, request.Path, PhpQueryString.Parse(request.RawQuery), request.Headers, request.Body, request.RouteValues, request.Fault)
            {
                RawQuery = request.RawQuery,
            };
            return UnmodelledParameter(asPhpReadsIt) ?? handler(asPhpReadsIt);
        });
}
