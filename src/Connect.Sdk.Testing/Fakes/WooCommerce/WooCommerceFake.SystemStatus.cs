using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <content>
/// <c>GET /system_status</c>, the connection check: every section and property the REST API reference documents, for a
/// shop on WooCommerce 9.4.0 and WordPress 6.7.1 with the fake's settings (its currency, UTC).
/// </content>
public sealed partial class WooCommerceFake
{
    private const string WooCommerceVersion = "9.4.0";

    private static JsonObject Page(string name, int id, string shortcode) => new()
    {
        ["page_name"] = name,
        ["page_id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["page_set"] = true,
        ["page_exists"] = true,
        ["page_visible"] = true,
        ["shortcode"] = shortcode,
        ["shortcode_required"] = shortcode.Length > 0,
        ["shortcode_present"] = shortcode.Length > 0,
    };

    private FakeResponse SystemStatus()
    {
        var home = BaseAddress.ToString().TrimEnd('/');
        return Json(200, new JsonObject
        {
            ["environment"] = new JsonObject
            {
                ["home_url"] = home,
                ["site_url"] = home,
                ["version"] = WooCommerceVersion,
                ["log_directory"] = "/var/www/html/wp-content/uploads/wc-logs/",
                ["log_directory_writable"] = true,
                ["wp_version"] = "6.7.1",
                ["wp_multisite"] = false,
                ["wp_memory_limit"] = 268435456,
                ["wp_debug_mode"] = false,
                ["wp_cron"] = true,
                ["language"] = "en_US",
                ["server_info"] = "nginx",
                ["php_version"] = "8.3.14",
                ["php_post_max_size"] = 67108864,
                ["php_max_execution_time"] = 30,
                ["php_max_input_vars"] = 1000,
                ["curl_version"] = "8.5.0, OpenSSL/3.0.13",
                ["suhosin_installed"] = false,
                ["max_upload_size"] = 67108864,
                ["mysql_version"] = "8.0.40",
                ["default_timezone"] = "UTC",
                ["fsockopen_or_curl_enabled"] = true,
                ["soapclient_enabled"] = true,
                ["domdocument_enabled"] = true,
                ["gzip_enabled"] = true,
                ["mbstring_enabled"] = true,
                ["remote_post_successful"] = true,
                ["remote_post_response"] = "200",
                ["remote_get_successful"] = true,
                ["remote_get_response"] = "200",
            },
            ["database"] = new JsonObject
            {
                ["wc_database_version"] = WooCommerceVersion,
                ["database_prefix"] = "wp_",
                ["maxmind_geoip_database"] = string.Empty,
                ["database_tables"] = new JsonObject
                {
                    ["woocommerce_sessions"] = true,
                    ["woocommerce_api_keys"] = true,
                    ["woocommerce_order_items"] = true,
                    ["woocommerce_order_itemmeta"] = true,
                    ["woocommerce_tax_rates"] = true,
                },
            },
            ["active_plugins"] = new JsonArray(new JsonObject
            {
                ["plugin"] = "woocommerce/woocommerce.php",
                ["name"] = "WooCommerce",
                ["version"] = WooCommerceVersion,
                ["version_latest"] = WooCommerceVersion,
                ["url"] = "https://woocommerce.com/",
                ["author_name"] = "Automattic",
                ["author_url"] = "https://woocommerce.com",
                ["network_activated"] = false,
            }),
            ["theme"] = new JsonObject
            {
                ["name"] = "Storefront",
                ["version"] = "4.6.0",
                ["version_latest"] = "4.6.0",
                ["author_url"] = "https://woocommerce.com/",
                ["is_child_theme"] = false,
                ["has_woocommerce_support"] = true,
                ["has_woocommerce_file"] = false,
                ["has_outdated_templates"] = false,
                ["overrides"] = new JsonArray(),
                ["parent_name"] = string.Empty,
                ["parent_version"] = string.Empty,
                ["parent_version_latest"] = string.Empty,
                ["parent_author_url"] = string.Empty,
            },
            ["settings"] = new JsonObject
            {
                ["api_enabled"] = true,
                ["force_ssl"] = false,
                ["currency"] = Currency.Value,
                ["currency_symbol"] = CurrencySymbol,
                ["currency_position"] = "left",
                ["thousand_separator"] = ",",
                ["decimal_separator"] = ".",
                ["number_of_decimals"] = 2,
                ["geolocation_enabled"] = false,
                ["taxonomies"] = new JsonObject { ["external"] = "external", ["grouped"] = "grouped", ["simple"] = "simple", ["variable"] = "variable" },
            },
            ["security"] = new JsonObject
            {
                // WooCommerce reports whether the home URL is https; the fake's follows the transport it acts as.
                ["secure_connection"] = !PlainHttp,
                ["hide_errors"] = true,
            },
            ["pages"] = new JsonArray(
                Page("Shop base", 4, string.Empty),
                Page("Cart", 5, "[woocommerce_cart]"),
                Page("Checkout", 6, "[woocommerce_checkout]"),
                Page("My account", 7, "[woocommerce_my_account]")),
        });
    }
}
