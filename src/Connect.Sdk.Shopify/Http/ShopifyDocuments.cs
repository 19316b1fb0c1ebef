namespace Connect.Sdk.Shopify.Http;

/// <summary>The GraphQL documents the connector sends, each with its estimated cost and whether it may be retried.</summary>
internal static class ShopifyDocuments
{
    /// <summary>Shopify refuses any single query whose requested cost is above this (<c>MAX_COST_EXCEEDED</c>).</summary>
    public const int SingleQueryMaxCost = 1000;

    /// <summary>How many orders one page holds.</summary>
    public const int OrderPageSize = 5;

    /// <summary>How many lines the order list reads per order; the rest come with <see cref="OrderLines"/>.</summary>
    public const int OrderLinePageSize = 10;

    /// <summary>How many lines one <see cref="OrderLines"/> follow-up reads.</summary>
    public const int FollowUpLinePageSize = 50;

    /// <summary>How many fulfillment orders one <see cref="OrderFulfillments"/> read holds; the rest come with the next page.</summary>
    public const int FulfillmentOrderPageSize = 5;

    /// <summary>How many lines <see cref="OrderFulfillments"/> reads per fulfillment order; the rest come with <see cref="FulfillmentOrderLines"/>.</summary>
    public const int FulfillmentOrderLinePageSize = 25;

    /// <summary>How many lines one <see cref="FulfillmentOrderLines"/> follow-up reads.</summary>
    public const int FollowUpFulfillmentOrderLinePageSize = 100;

    /// <summary>
    /// How many fulfillments (parcels already sent) an order read shows: <c>Order.fulfillments</c> is a list cut by
    /// <c>first</c>, not a connection, so an order showing this many may have more; those come with
    /// <see cref="FulfillmentOrderFulfillments"/>.
    /// </summary>
    public const int FulfillmentsRead = 50;

    /// <summary>How many fulfillments one <see cref="FulfillmentOrderFulfillments"/> page reads.</summary>
    public const int FulfillmentPageSize = 50;

    // A fulfillment: itself 1, trackingInfo 1 (a list without first: one element).
    private const int FulfillmentCost = 2;

    // Requested costs by Shopify's rules: scalars and enums 0, an object 1, a connection 2 + first × one node, a list
    // with first that many elements, a mutation 10.
    // A line: itself 1, variant 1, product 1, originalUnitPriceSet 2 (bag and money), taxLines 3 (list, priceSet 2),
    // discountAllocations 3 (list, allocatedAmountSet 2).
    private const int LineCost = 11;

    // An order without its lines: itself 1, currentTotalPriceSet 2, totalTipReceivedSet 2, currentTotalDutiesSet 2,
    // currentTotalAdditionalFeesSet 2, shippingLines(first: 5) 2 + 5 × 9 (line 1, taxLines 3 (list, priceSet 2),
    // discountedPriceSet 2, discountAllocations 3 (list, allocatedAmountSet 2)), shippingAddress 1, billingAddress 1.
    private const int OrderCostWithoutLines = 1 + 2 + (3 * 2) + (2 + (5 * 9)) + 1 + 1;

    // A fulfillment order line: itself 1, lineItem 1.
    private const int FulfillmentOrderLineCost = 2;

    private const string LineFields = """
        id title sku quantity currentQuantity
        variant { id }
        product { id hasOnlyDefaultVariant }
        originalUnitPriceSet { shopMoney { amount currencyCode } }
        taxLines { rate priceSet { shopMoney { amount currencyCode } } }
        discountAllocations { allocatedAmountSet { shopMoney { amount currencyCode } } }
        """;

    private const string FulfillmentOrderLineFields = "id totalQuantity remainingQuantity lineItem { id }";

    // One level at the connection's location, whatever the number of locations: inventoryItem 1, inventoryLevel 1, quantities 1.
    private const string LevelFields = "inventoryItem { id tracked inventoryLevel(locationId: $locationId) { quantities(names: [\"available\"]) { name quantity } } }";

    private const int LevelCost = 3;

    private static readonly string OrderFields = $$"""
        id name createdAt updatedAt currencyCode email taxesIncluded displayFinancialStatus displayFulfillmentStatus cancelledAt
        paymentGatewayNames
        currentTotalPriceSet { shopMoney { amount currencyCode } }
        totalTipReceivedSet { shopMoney { amount currencyCode } }
        currentTotalDutiesSet { shopMoney { amount currencyCode } }
        currentTotalAdditionalFeesSet { shopMoney { amount currencyCode } }
        shippingLines(first: 5) {
          nodes {
            title
            discountedPriceSet { shopMoney { amount currencyCode } }
            taxLines { rate priceSet { shopMoney { amount currencyCode } } }
            discountAllocations { allocatedAmountSet { shopMoney { amount currencyCode } } }
          }
        }
        shippingAddress { name company address1 address2 zip city province countryCodeV2 phone }
        billingAddress { name company address1 address2 zip city province countryCodeV2 phone }
        lineItems(first: {{OrderLinePageSize}}) {
          nodes { {{LineFields}} }
          pageInfo { hasNextPage endCursor }
        }
        """;

    // An order with its first page of lines.
    private const int OrderCost = OrderCostWithoutLines + 2 + (OrderLinePageSize * LineCost);

    /// <summary>The connection check: the token's shop. Cost 1.</summary>
    public static ShopifyOperation Shop { get; } = new("shop", "query Shop { shop { name myshopifyDomain } }", 1, IsRetriable: true);

    /// <summary>The configured location, to check it exists. Cost 1.</summary>
    public static ShopifyOperation Location { get; } = new("location", "query Location($id: ID!) { location(id: $id) { id name isActive } }", 1, IsRetriable: true);

    /// <summary>A variant's inventory item and its level at <c>$locationId</c>. Cost 1 + 3 = 4.</summary>
    public static ShopifyOperation Variant { get; } = new(
        "productVariant",
        $"query Variant($id: ID!, $locationId: ID!) {{ productVariant(id: $id) {{ id sku {LevelFields} }} }}",
        1 + LevelCost,
        IsRetriable: true);

    /// <summary>
    /// A product's variants (a product without options has one; two are read to tell) with their inventory items and
    /// levels at <c>$locationId</c>. Cost 1 + 2 + 2 × (1 + 3) = 11.
    /// </summary>
    public static ShopifyOperation Product { get; } = new(
        "product",
        $"query Product($id: ID!, $locationId: ID!) {{ product(id: $id) {{ id hasOnlyDefaultVariant variants(first: 2) {{ nodes {{ id sku {LevelFields} }} }} }} }}",
        1 + 2 + (2 * (1 + LevelCost)),
        IsRetriable: true);

    /// <summary>The shop's currency and whether its prices include tax: how every variant price is taken. Cost 1.</summary>
    public static ShopifyOperation ShopPricing { get; } = new("shop.pricing", "query ShopPricing { shop { currencyCode taxesIncluded } }", 1, IsRetriable: true);

    /// <summary>A variant's product, which <see cref="UpdatePrices"/> needs. Cost 1 + 1 = 2.</summary>
    public static ShopifyOperation PriceVariant { get; } = new(
        "productVariant.product",
        "query PriceVariant($id: ID!) { productVariant(id: $id) { id product { id } } }",
        2,
        IsRetriable: true);

    /// <summary>A product's variants (two are read to tell a product without options). Cost 1 + 2 + 2 × 1 = 5.</summary>
    public static ShopifyOperation PriceProduct { get; } = new(
        "product.variants",
        "query PriceProduct($id: ID!) { product(id: $id) { id variants(first: 2) { nodes { id } } } }",
        1 + 2 + 2,
        IsRetriable: true);

    /// <summary>
    /// Sets the price and compare-at price of variants of one product; Shopify applies all of them or none (without
    /// <c>allowPartialUpdates</c>). The values are absolute, so a repeated request sets the same prices and the HTTP
    /// retries may send it again. Cost 10.
    /// </summary>
    public static ShopifyOperation UpdatePrices { get; } = new(
        "productVariantsBulkUpdate",
        """
        mutation SetPrices($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
          productVariantsBulkUpdate(productId: $productId, variants: $variants) {
            productVariants { id }
            userErrors { field message code }
          }
        }
        """,
        10,
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

    /// <summary>
    /// One page of <see cref="OrderPageSize"/> orders changed since a time, oldest change first, each with its first
    /// <see cref="OrderLinePageSize"/> lines. Cost 2 + 5 × (58 + 2 + 10 × 11) = 852.
    /// </summary>
    public static ShopifyOperation Orders { get; } = new(
        "orders",
        $"query Orders($after: String, $query: String!) {{ orders(first: {OrderPageSize}, after: $after, query: $query, sortKey: UPDATED_AT) {{ nodes {{ {OrderFields} }} pageInfo {{ hasNextPage endCursor }} }} }}",
        2 + (OrderPageSize * OrderCost),
        IsRetriable: true);

    /// <summary>One order by its name (<c>#1001</c>) with its first lines. Cost 2 + 1 × 170 = 172.</summary>
    public static ShopifyOperation OrderByName { get; } = new(
        "orders.byName",
        $"query OrderByName($query: String!) {{ orders(first: 1, query: $query) {{ nodes {{ {OrderFields} }} pageInfo {{ hasNextPage endCursor }} }} }}",
        2 + OrderCost,
        IsRetriable: true);

    /// <summary>
    /// The lines of an order after a cursor: the follow-up for an order with more lines than the order list reads.
    /// Cost 1 + 2 + 50 × 11 = 553.
    /// </summary>
    public static ShopifyOperation OrderLines { get; } = new(
        "order.lineItems",
        $"query OrderLines($id: ID!, $after: String) {{ order(id: $id) {{ id lineItems(first: {FollowUpLinePageSize}, after: $after) {{ nodes {{ {LineFields} }} pageInfo {{ hasNextPage endCursor }} }} }} }}",
        1 + 2 + (FollowUpLinePageSize * LineCost),
        IsRetriable: true);

    /// <summary>
    /// An order's fulfillment orders (what remains to ship), a page at a time from <c>$after</c>, and its fulfillments
    /// (what shipped, with tracking). Cost 1 + (2 + 5 × (1 + 2 + 25 × 2)) + 50 × 2 = 368.
    /// </summary>
    public static ShopifyOperation OrderFulfillments { get; } = new(
        "order.fulfillments",
        $$"""
        query OrderFulfillments($id: ID!, $after: String) {
          order(id: $id) {
            id name
            fulfillmentOrders(first: {{FulfillmentOrderPageSize}}, after: $after) {
              nodes { id status lineItems(first: {{FulfillmentOrderLinePageSize}}) { nodes { {{FulfillmentOrderLineFields}} } pageInfo { hasNextPage endCursor } } }
              pageInfo { hasNextPage endCursor }
            }
            fulfillments(first: {{FulfillmentsRead}}) { id status trackingInfo { number company url } }
          }
        }
        """,
        1 + (2 + (FulfillmentOrderPageSize * (1 + 2 + (FulfillmentOrderLinePageSize * FulfillmentOrderLineCost)))) + (FulfillmentsRead * FulfillmentCost),
        IsRetriable: true);

    /// <summary>The lines of a fulfillment order after a cursor. Cost 1 + 2 + 100 × 2 = 203.</summary>
    public static ShopifyOperation FulfillmentOrderLines { get; } = new(
        "fulfillmentOrder.lineItems",
        $"query FulfillmentOrderLines($id: ID!, $after: String) {{ fulfillmentOrder(id: $id) {{ id lineItems(first: {FollowUpFulfillmentOrderLinePageSize}, after: $after) {{ nodes {{ {FulfillmentOrderLineFields} }} pageInfo {{ hasNextPage endCursor }} }} }} }}",
        1 + 2 + (FollowUpFulfillmentOrderLinePageSize * FulfillmentOrderLineCost),
        IsRetriable: true);

    /// <summary>
    /// The fulfillments made from one fulfillment order, a page at a time from <c>$after</c>: unlike the order's list,
    /// a connection, so every fulfillment of an order is found through its fulfillment orders. Cost 1 + 2 + 50 × 2 = 103.
    /// </summary>
    public static ShopifyOperation FulfillmentOrderFulfillments { get; } = new(
        "fulfillmentOrder.fulfillments",
        $"query FulfillmentOrderFulfillments($id: ID!, $after: String) {{ fulfillmentOrder(id: $id) {{ id fulfillments(first: {FulfillmentPageSize}, after: $after) {{ nodes {{ id status trackingInfo {{ number company url }} }} pageInfo {{ hasNextPage endCursor }} }} }} }}",
        1 + 2 + (FulfillmentPageSize * FulfillmentCost),
        IsRetriable: true);

    /// <summary>Every query the connector sends, to check their costs.</summary>
    public static IReadOnlyList<ShopifyOperation> Queries => [Shop, ShopPricing, Location, Variant, Product, PriceVariant, PriceProduct, Orders, OrderByName, OrderLines, OrderFulfillments, FulfillmentOrderLines, FulfillmentOrderFulfillments];

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
