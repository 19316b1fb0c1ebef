using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.WooCommerce.Orders;

/// <summary>
/// One request of the changed-orders list: <c>GET /orders?modified_after=…&amp;dates_are_gmt=true&amp;orderby=modified&amp;order=asc&amp;per_page=100&amp;page=…</c>,
/// and which request follows a page.
/// </summary>
/// <remarks>
/// Page numbers shift when an order already read is changed while the import runs (it moves to the end, and the order
/// after the page boundary moves onto a page already read). So after each full page the next request starts again from
/// the page's newest change (minus one second, as WooCommerce's times have whole seconds and <c>modified_after</c> is
/// exclusive) at page 1; only a page whose orders all share one second is followed by its next page number. Orders read
/// twice that way are harmless: the SDK imports each order once.
/// </remarks>
/// <param name="ModifiedAfter">The exclusive lower bound of the orders' <c>date_modified_gmt</c>.</param>
/// <param name="Page">The page number, from 1.</param>
internal sealed record OrderListQuery(Instant ModifiedAfter, int Page)
{
    private static readonly InstantPattern FilterPattern = InstantPattern.CreateWithInvariantCulture(WooCommerceApi.DateFormat);
    private static readonly Duration OneSecond = Duration.FromSeconds(1);

    /// <summary>The path and query under <c>/wp-json/wc/v3/</c>.</summary>
    public string Path => string.Create(CultureInfo.InvariantCulture, $"orders?modified_after={FilterPattern.Format(ModifiedAfter)}&dates_are_gmt=true&orderby=modified&order=asc&per_page={WooCommerceOrdersFeature.PageSize}&page={Page}");

    /// <summary>The first request for the orders changed since a time: one second before it, as the filter is exclusive.</summary>
    /// <param name="since">The SDK's cursor time.</param>
    /// <returns>The query.</returns>
    public static OrderListQuery Since(Instant since) => new(since - OneSecond, 1);

    /// <summary>The request after a page, or <see langword="null"/> when the page was the last.</summary>
    /// <param name="orders">The page's orders as WooCommerce sent them.</param>
    /// <param name="totalPages">The page's <c>X-WP-TotalPages</c>, if sent.</param>
    /// <returns>The next query.</returns>
    public OrderListQuery? After(IReadOnlyList<JsonElement> orders, int? totalPages)
    {
        if (orders.Count < WooCommerceOrdersFeature.PageSize || (totalPages is { } total && Page >= total))
        {
            return null;
        }

        var restart = NewestChange(orders) - OneSecond;
        return restart > ModifiedAfter ? new OrderListQuery(restart, 1) : this with { Page = Page + 1 };
    }

    // An order without a readable time is reported by the mapping; here it only cannot move the bound.
    private Instant NewestChange(IReadOnlyList<JsonElement> orders)
    {
        var newest = ModifiedAfter;
        foreach (var order in orders)
        {
            if (order.ValueKind == JsonValueKind.Object
                && order.TryGetProperty("date_modified_gmt", out var modified)
                && modified.ValueKind == JsonValueKind.String
                && WooCommerceOrderMapper.TryParseGmt(modified.GetString()!, out var changed)
                && changed > newest)
            {
                newest = changed;
            }
        }

        return newest;
    }
}
