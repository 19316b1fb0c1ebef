using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <content>
/// The subset of Shopify's Admin GraphQL schema the fake serves, per API version, with the resolvers that read the
/// shop's state. Field names, types and arguments follow Shopify's Admin GraphQL reference for the version; a field
/// or argument outside the subset is refused as Shopify refuses one it does not have.
/// </content>
public sealed partial class ShopifyFake
{
    private readonly Dictionary<string, GraphQLSchema> _schemas = new(StringComparer.Ordinal);

    private GraphQLSchema SchemaOf(string version)
    {
        if (!_schemas.TryGetValue(version, out var schema))
        {
            schema = BuildSchema(version);
            _schemas[version] = schema;
        }

        return schema;
    }

    private GraphQLSchema BuildSchema(string version)
    {
        // From 2026-01 a quantity may carry changeFromQuantity; from 2026-04 it must, and compareQuantity and
        // ignoreCompareQuantity are gone (Shopify's changelog, "compare and swap redesign" and its finalizing entry).
        var changeFrom = IsAtLeast(version, "2026-01");
        var compareRemoved = IsAtLeast(version, "2026-04");
        var quantityInput = "inventoryItemId: ID!, locationId: ID!, quantity: Int!"
            + (compareRemoved ? string.Empty : ", compareQuantity: Int")
            + (changeFrom ? ", changeFromQuantity: Int" : string.Empty);
        var setInput = "name: String!, reason: String!, referenceDocumentUri: String, quantities: [InventoryQuantityInput!]!"
            + (compareRemoved ? string.Empty : ", ignoreCompareQuantity: Boolean = false");
        var changeInput = "delta: Int!, inventoryItemId: ID!, locationId: ID!, ledgerDocumentUri: String" + (compareRemoved ? ", changeFromQuantity: Int" : string.Empty);

        var builder = new GraphQLSchemaBuilder()
            .Scalar("DateTime").Scalar("Decimal").Scalar("URL").Scalar("Money")
            .Enum("CurrencyCode").Enum("OrderDisplayFinancialStatus").Enum("OrderDisplayFulfillmentStatus")
            .Enum("FulfillmentOrderStatus").Enum("FulfillmentDisplayStatus").Enum("FulfillmentStatus").Enum("CountryCode")
            .Enum("InventorySetQuantitiesUserErrorCode").Enum("InventoryAdjustQuantitiesUserErrorCode").Enum("ProductVariantsBulkUpdateUserErrorCode")
            .Enum("OrderSortKeys", "CREATED_AT", "ID", "UPDATED_AT")
            .Enum("ProductVariantSortKeys", "ID", "SKU")
            .Directive("idempotent", "key: String!")
            .Object("Shop", t => t.Field("id", "ID!").Field("name", "String!").Field("email", "String!").Field("myshopifyDomain", "String!").Field("currencyCode", "CurrencyCode!").Field("taxesIncluded", "Boolean!"))
            .Object("Location", t => t.Field("id", "ID!").Field("name", "String!").Field("isActive", "Boolean!").Field("fulfillsOnlineOrders", "Boolean!"))
            .Connection("Location")
            .Object("MoneyV2", t => t.Field("amount", "Decimal!").Field("currencyCode", "CurrencyCode!"))
            .Object("MoneyBag", t => t.Field("shopMoney", "MoneyV2!").Field("presentmentMoney", "MoneyV2!"))
            .Object("TaxLine", t => t.Field("title", "String!").Field("rate", "Float").Field("priceSet", "MoneyBag!"))
            .Object("DiscountAllocation", t => t.Field("allocatedAmountSet", "MoneyBag!"))
            .Object("MailingAddress", t => t.Field("name", "String").Field("company", "String").Field("address1", "String").Field("address2", "String")
                .Field("zip", "String").Field("city", "String").Field("province", "String").Field("countryCodeV2", "CountryCode").Field("phone", "String"))
            .Object("Product", t => t.Field("id", "ID!").Field("title", "String!").Field("hasOnlyDefaultVariant", "Boolean!")
                .Connection("variants", "ProductVariant", resolver: c => ProductVariantsOf(c)))
            .Object("ProductVariant", t => t.Field("id", "ID!").Field("sku", "String").Field("title", "String!").Field("inventoryQuantity", "Int")
                .Field("price", "Money!").Field("compareAtPrice", "Money")
                .Field("product", "Product!", resolver: c => ProductOf(c)).Field("inventoryItem", "InventoryItem!"))
            .Connection("ProductVariant")
            .Object("InventoryQuantity", t => t.Field("name", "String!").Field("quantity", "Int!"))
            .Object("InventoryLevel", t => t.Field("id", "ID!").Field("location", "Location!")
                .Field("quantities", "[InventoryQuantity!]!", "names: [String!]!", c => QuantitiesNamed(c)))
            .Connection("InventoryLevel")
            .Object("InventoryItem", t => t.Field("id", "ID!").Field("sku", "String").Field("tracked", "Boolean!").Field("variant", "ProductVariant!", resolver: c => VariantOf(c))
                .Connection("inventoryLevels", "InventoryLevel")
                .Field("inventoryLevel", "InventoryLevel", "locationId: ID!", c => LevelAt(c)))
            .Connection("InventoryItem")
            .Object("LineItem", t => t.Field("id", "ID!").Field("title", "String!").Field("sku", "String").Field("quantity", "Int!").Field("currentQuantity", "Int!")
                .Field("variant", "ProductVariant", resolver: c => VariantOf(c)).Field("product", "Product", resolver: c => ProductOf(c))
                .Field("originalUnitPriceSet", "MoneyBag!").Field("taxLines", "[TaxLine!]!", "first: Int", c => FirstOf(c, "taxLines"))
                .Field("discountAllocations", "[DiscountAllocation!]!"))
            .Connection("LineItem")
            .Object("ShippingLine", t => t.Field("title", "String!").Field("originalPriceSet", "MoneyBag!").Field("discountedPriceSet", "MoneyBag!")
                .Field("taxLines", "[TaxLine!]!").Field("discountAllocations", "[DiscountAllocation!]!"))
            .Connection("ShippingLine")
            .Object("FulfillmentTrackingInfo", t => t.Field("number", "String").Field("company", "String").Field("url", "URL"))
            .Object("FulfillmentLineItem", t => t.Field("id", "ID!").Field("quantity", "Int").Field("lineItem", "LineItem!"))
            .Connection("FulfillmentLineItem")
            .Object("Fulfillment", t => t.Field("id", "ID!").Field("status", "FulfillmentStatus!")
                .Field("trackingInfo", "[FulfillmentTrackingInfo!]!", "first: Int", c => FirstOf(c, "trackingInfo"))
                .Connection("fulfillmentLineItems", "FulfillmentLineItem"))
            .Connection("Fulfillment")
            .Object("FulfillmentOrderLineItem", t => t.Field("id", "ID!").Field("totalQuantity", "Int!").Field("remainingQuantity", "Int!").Field("lineItem", "LineItem!"))
            .Connection("FulfillmentOrderLineItem")
            .Object("FulfillmentOrderAssignedLocation", t => t.Field("location", "Location"))
            .Object("FulfillmentOrder", t => t.Field("id", "ID!").Field("status", "FulfillmentOrderStatus!").Field("assignedLocation", "FulfillmentOrderAssignedLocation!")
                .Connection("lineItems", "FulfillmentOrderLineItem").Connection("fulfillments", "Fulfillment"))
            .Connection("FulfillmentOrder")
            .Object("Order", t => t.Field("id", "ID!").Field("name", "String!").Field("createdAt", "DateTime!").Field("updatedAt", "DateTime!")
                .Field("currencyCode", "CurrencyCode!").Field("email", "String").Field("taxesIncluded", "Boolean!")
                .Field("displayFinancialStatus", "OrderDisplayFinancialStatus").Field("displayFulfillmentStatus", "OrderDisplayFulfillmentStatus!")
                .Field("cancelledAt", "DateTime").Field("paymentGatewayNames", "[String!]!")
                .Field("totalPriceSet", "MoneyBag!").Field("currentTotalPriceSet", "MoneyBag!").Field("totalTipReceivedSet", "MoneyBag!")
                .Field("currentTotalDutiesSet", "MoneyBag").Field("currentTotalAdditionalFeesSet", "MoneyBag").Field("totalDiscountsSet", "MoneyBag")
                .Field("totalShippingPriceSet", "MoneyBag!").Connection("shippingLines", "ShippingLine")
                .Field("shippingAddress", "MailingAddress").Field("billingAddress", "MailingAddress")
                .Connection("lineItems", "LineItem").Connection("fulfillmentOrders", "FulfillmentOrder")
                .Field("fulfillments", "[Fulfillment!]!", "first: Int", c => FirstOf(c, "fulfillments")))
            .Connection("Order")
            .Object("InventoryChange", t => t.Field("name", "String!").Field("delta", "Int!").Field("quantityAfterChange", "Int")
                .Field("item", "InventoryItem", resolver: c => InventoryItemOf(c, "item")).Field("location", "Location", resolver: _ => RenderLocation()))
            .Object("InventoryAdjustmentGroup", t => t.Field("id", "ID!").Field("createdAt", "DateTime!").Field("reason", "String!")
                .Field("referenceDocumentUri", "String").Field("changes", "[InventoryChange!]!", "inventoryItemIds: [ID!], locationIds: [ID!], quantityNames: [String!]", c => ChangesFiltered(c)))
            .Object("InventorySetQuantitiesUserError", t => t.Field("field", "[String!]").Field("message", "String!").Field("code", "InventorySetQuantitiesUserErrorCode"))
            .Object("InventorySetQuantitiesPayload", t => t.Field("inventoryAdjustmentGroup", "InventoryAdjustmentGroup").Field("userErrors", "[InventorySetQuantitiesUserError!]!"))
            .Object("InventoryAdjustQuantitiesUserError", t => t.Field("field", "[String!]").Field("message", "String!").Field("code", "InventoryAdjustQuantitiesUserErrorCode"))
            .Object("InventoryAdjustQuantitiesPayload", t => t.Field("inventoryAdjustmentGroup", "InventoryAdjustmentGroup").Field("userErrors", "[InventoryAdjustQuantitiesUserError!]!"))
            .Object("ProductVariantsBulkUpdateUserError", t => t.Field("field", "[String!]").Field("message", "String!").Field("code", "ProductVariantsBulkUpdateUserErrorCode"))
            .Object("ProductVariantsBulkUpdatePayload", t => t.Field("product", "Product").Field("productVariants", "[ProductVariant!]").Field("userErrors", "[ProductVariantsBulkUpdateUserError!]!"))
            .Object("UserError", t => t.Field("field", "[String!]").Field("message", "String!"))
            .Object("FulfillmentCreatePayload", t => t.Field("fulfillment", "Fulfillment").Field("userErrors", "[UserError!]!"))
            .Input("InventoryQuantityInput", quantityInput)
            .Input("InventorySetQuantitiesInput", setInput)
            .Input("InventoryChangeInput", changeInput)
            .Input("InventoryAdjustQuantitiesInput", "name: String!, reason: String!, referenceDocumentUri: String, changes: [InventoryChangeInput!]!")
            .Input("ProductVariantsBulkInput", "id: ID, price: Money, compareAtPrice: Money")
            .Input("FulfillmentOrderLineItemInput", "id: ID!, quantity: Int!")
            .Input("FulfillmentOrderLineItemsInput", "fulfillmentOrderId: ID!, fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!]")
            .Input("FulfillmentTrackingInput", "number: String, company: String, url: URL, numbers: [String!], urls: [URL!]")
            .Input("FulfillmentInput", "lineItemsByFulfillmentOrder: [FulfillmentOrderLineItemsInput!]!, trackingInfo: FulfillmentTrackingInput, notifyCustomer: Boolean = false")
            .Object("QueryRoot", t => t
                .Field("shop", "Shop!", resolver: _ => Shop())
                .Field("location", "Location", "id: ID!", c => Location(c))
                .Connection("locations", "Location", resolver: c => Locations(c))
                .Connection("productVariants", "ProductVariant", "query: String, sortKey: ProductVariantSortKeys = ID", c => ProductVariants(c))
                .Field("productVariant", "ProductVariant", "id: ID!", c => ProductVariant(c))
                .Field("product", "Product", "id: ID!", c => Product(c))
                .Field("inventoryItem", "InventoryItem", "id: ID!", c => InventoryItem(c))
                .Connection("inventoryItems", "InventoryItem", "query: String", c => InventoryItems(c))
                .Connection("orders", "Order", "query: String, sortKey: OrderSortKeys = ID", c => Orders(c))
                .Field("order", "Order", "id: ID!", c => Order(c))
                .Field("fulfillmentOrder", "FulfillmentOrder", "id: ID!", c => FulfillmentOrder(c)))
            .Object("Mutation", t => t
                .Field("inventorySetQuantities", "InventorySetQuantitiesPayload", "input: InventorySetQuantitiesInput!", c => Idempotent(c, input => SetQuantities(input, version)))
                .Field("inventoryAdjustQuantities", "InventoryAdjustQuantitiesPayload", "input: InventoryAdjustQuantitiesInput!", c => Idempotent(c, input => AdjustQuantities(input, version)))
                .Field("productVariantsBulkUpdate", "ProductVariantsBulkUpdatePayload", "productId: ID!, variants: [ProductVariantsBulkInput!]!, allowPartialUpdates: Boolean = false", c => UpdateVariants(c))
                .Field("fulfillmentCreate", "FulfillmentCreatePayload", "fulfillment: FulfillmentInput!, message: String", c => CreateFulfillment(c)));
        return builder.Build("QueryRoot", "Mutation");
    }

    // A list cut to the field's first, as Shopify cuts a plain list that takes first.
    private static object? FirstOf(GraphQLResolveContext context, string name)
    {
        var held = (context.Source as JsonObject)?[name];
        return context.Arguments.GetValueOrDefault("first") is JsonValue f && f.TryGetValue<int>(out var first) && held is JsonArray list
            ? list.Take(Math.Max(0, first)).Cast<object?>().ToList()
            : held;
    }

    // An adjustment group's changes, narrowed to the items, locations and quantity names the arguments give.
    private static List<object?> ChangesFiltered(GraphQLResolveContext context)
    {
        bool Allows(string argument, JsonNode? value) =>
            context.Arguments.GetValueOrDefault(argument) is not JsonArray wanted || wanted.Any(w => (string?)w == (string?)value);

        return ((context.Source as JsonObject)?["changes"] as JsonArray ?? [])
            .Where(c => Allows("inventoryItemIds", c?["item"]?["id"]) && Allows("locationIds", c?["location"]?["id"]) && Allows("quantityNames", c?["name"]))
            .Cast<object?>()
            .ToList();
    }

    private static List<object?> QuantitiesNamed(GraphQLResolveContext context)
    {
        var names = (context.Arguments.GetValueOrDefault("names") as JsonArray ?? []).Select(n => (string?)n).ToList();
        if (names.FirstOrDefault(n => !InventoryStateNames.All.Contains(n)) is { } unknown)
        {
            throw new GraphQLFieldException($"'{unknown}' is not a valid inventory state name. Valid names are: {string.Join(", ", InventoryStateNames.All)}.", "BAD_REQUEST");
        }

        var quantities = (context.Source as JsonObject)?["quantities"] as JsonArray ?? [];
        return [.. names.Distinct().Select(name => (object?)quantities.First(q => (string?)q?["name"] == name))];
    }

    private static JsonNode? LevelAt(GraphQLResolveContext context)
    {
        var location = (string?)context.Arguments.GetValueOrDefault("locationId");
        return ((context.Source as JsonObject)?["inventoryLevels"]?["nodes"] as JsonArray ?? []).FirstOrDefault(n => (string?)n?["location"]?["id"] == location);
    }
}
