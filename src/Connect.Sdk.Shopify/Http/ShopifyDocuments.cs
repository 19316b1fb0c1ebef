namespace Connect.Sdk.Shopify.Http;

/// <summary>The GraphQL documents the connector sends, each with its estimated cost and whether it may be retried.</summary>
internal static class ShopifyDocuments
{
    /// <summary>How many orders one page holds.</summary>
    public const int OrderPageSize = 50;

    /// <summary>How many lines, fulfillment orders and levels an order or variant query reads; more is refused, never cut off silently.</summary>
    public const int NestedPageSize = 50;

    private const string LevelFields = "inventoryItem { id tracked inventoryLevels(first: 50) { nodes { location { id } quantities(names: [\"available\"]) { name quantity } } } }";

    private const string OrderFields = """
        id name createdAt updatedAt currencyCode email taxesIncluded displayFinancialStatus displayFulfillmentStatus cancelledAt
        paymentGatewayNames
        totalPriceSet { shopMoney { amount currencyCode } }
        totalShippingPriceSet { shopMoney { amount currencyCode } }
        shippingLines(first: 5) { nodes { title taxLines { rate priceSet { shopMoney { amount currencyCode } } } } }
        shippingAddress { name company address1 address2 zip city province countryCodeV2 phone }
        billingAddress { name company address1 address2 zip city province countryCodeV2 phone }
        lineItems(first: 50) {
          nodes {
            id title sku quantity
            variant { id }
            product { id hasOnlyDefaultVariant }
            originalUnitPriceSet { shopMoney { amount currencyCode } }
            taxLines { rate priceSet { shopMoney { amount currencyCode } } }
            discountAllocations { allocatedAmountSet { shopMoney { amount currencyCode } } }
          }
          pageInfo { hasNextPage endCursor }
        }
        """;

    /// <summary>The connection check: the token's shop. Cost 1.</summary>
    public static ShopifyOperation Shop { get; } = new("shop", "query Shop { shop { name myshopifyDomain } }", 1, IsRetriable: true);

    /// <summary>The configured location, to check it exists. Cost 1.</summary>
    public static ShopifyOperation Location { get; } = new("location", "query Location($id: ID!) { location(id: $id) { id name isActive } }", 1, IsRetriable: true);

    /// <summary>A variant's inventory item and its levels.</summary>
    public static ShopifyOperation Variant { get; } = new("productVariant", $"query Variant($id: ID!) {{ productVariant(id: $id) {{ id sku {LevelFields} }} }}", 1, IsRetriable: true);

    /// <summary>A product's variants (a product without options has one) with their inventory items and levels.</summary>
    public static ShopifyOperation Product { get; } = new(
        "product",
        $"query Product($id: ID!) {{ product(id: $id) {{ id hasOnlyDefaultVariant variants(first: 2) {{ nodes {{ id sku {LevelFields} }} }} }} }}",
        1,
        IsRetriable: true);

    /// <summary>
    /// Sets available quantities with the expected previous quantity of each and an idempotency key: a retry with the
    /// same key is answered as the first time and changes nothing, so the HTTP retries may send it again. Cost 10.
    /// </summary>
    public static ShopifyOperation SetQuantities { get; } = new(
        "inventorySetQuantities",
        """
        mutation SetStock($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {
          inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
            inventoryAdjustmentGroup { id }
            userErrors { field message code }
          }
        }
        """,
        10,
        IsRetriable: true);

    /// <summary>One page of orders changed since a time, oldest change first.</summary>
    public static ShopifyOperation Orders { get; } = new(
        "orders",
        $"query Orders($first: Int!, $after: String, $query: String!) {{ orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {{ nodes {{ {OrderFields} }} pageInfo {{ hasNextPage endCursor }} }} }}",
        2 + OrderPageSize,
        IsRetriable: true);

    /// <summary>One order by its name (<c>#1001</c>).</summary>
    public static ShopifyOperation OrderByName { get; } = new(
        "orders.byName",
        $"query OrderByName($first: Int!, $query: String!) {{ orders(first: $first, query: $query) {{ nodes {{ {OrderFields} }} pageInfo {{ hasNextPage endCursor }} }} }}",
        3,
        IsRetriable: true);

    /// <summary>An order's fulfillment orders (what remains to ship) and its fulfillments (what shipped, with tracking). Cost 1.</summary>
    public static ShopifyOperation OrderFulfillments { get; } = new(
        "order.fulfillments",
        """
        query OrderFulfillments($id: ID!) {
          order(id: $id) {
            id name
            fulfillmentOrders(first: 50) { nodes { id status lineItems(first: 50) { nodes { id totalQuantity remainingQuantity lineItem { id } } } } }
            fulfillments(first: 50) { id status trackingInfo { number company url } }
          }
        }
        """,
        1,
        IsRetriable: true);

    /// <summary>
    /// Creates a fulfillment with tracking. Not retried by the HTTP layer: without an answer it is resolved by reading the
    /// order's fulfillments back. Cost 10.
    /// </summary>
    public static ShopifyOperation FulfillmentCreate { get; } = new(
        "fulfillmentCreate",
        """
        mutation Fulfil($fulfillment: FulfillmentInput!) {
          fulfillmentCreate(fulfillment: $fulfillment) {
            fulfillment { id status trackingInfo { number company url } }
            userErrors { field message }
          }
        }
        """,
        10,
        IsRetriable: false);
}
