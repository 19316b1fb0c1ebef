using System.Net;
using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Shopify.ShopifyTestShop;

namespace Connect.Sdk.Testing.Tests.Fakes.Shopify;

/// <summary>A document the schema refuses is answered with Shopify's errors and no data, never run in part.</summary>
public sealed class ShopifyFakeGraphQLErrorTests : ShopifyFakeTestBase
{
    [Fact]
    public async Task NestedUnknownField_AnswersUndefinedFieldWithLocationAndPath()
    {
        var body = await PostAsync(Http, Shop, "query Stock {\n  shop { name colour }\n}");

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("Field 'colour' doesn't exist on type 'Shop'", (string?)error["message"]);
        Assert.Equal("undefinedField", (string?)error["extensions"]!["code"]);
        Assert.Equal((2, 15), ((int)error["locations"]![0]!["line"]!, (int)error["locations"]![0]!["column"]!));
        Assert.Equal(["query Stock", "shop", "colour"], error["path"]!.AsArray().Select(p => (string?)p));
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task UnknownArgument_AnswersArgumentNotAccepted()
    {
        var body = await PostAsync(Http, Shop, """{ orders(first: 5, status: "open") { nodes { id } } }""");

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("Field 'orders' doesn't accept argument 'status'", (string?)error["message"]);
        Assert.Equal("argumentNotAccepted", (string?)error["extensions"]!["code"]);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task BrokenDocument_AnswersTheParseError()
    {
        var body = await PostAsync(Http, Shop, "{ shop { name }");

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("Unexpected end of document", (string?)error["message"]);
        Assert.Null(body["data"]);

        var other = await PostAsync(Http, Shop, "{ shop { name } ) }");
        Assert.Equal("Parse error on \")\" (RPAREN) at [1, 17]", (string?)other["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task MissingRequiredVariable_AnswersInvalidVariable()
    {
        var body = await PostAsync(Http, Shop, "query($id: ID!) { order(id: $id) { id } }");

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("Variable $id of type ID! was provided invalid value", (string?)error["message"]);
        Assert.Equal("INVALID_VARIABLE", (string?)error["extensions"]!["code"]);
        Assert.Equal("Expected value to not be null", (string?)error["extensions"]!["problems"]![0]!["explanation"]);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task VariableOfTheWrongType_AnswersInvalidVariable_AndAMismatchedDeclarationVariableMismatch()
    {
        var wrongValue = await PostAsync(Http, Shop, "query($n: Int) { orders(first: $n) { nodes { id } } }", new JsonObject { ["n"] = "five" });
        var wrongType = await PostAsync(Http, Shop, "query($n: String) { orders(first: $n) { nodes { id } } }", new JsonObject { ["n"] = "5" });

        Assert.Equal("INVALID_VARIABLE", (string?)wrongValue["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("Type mismatch on variable $n and argument first (String / Int)", (string?)wrongType["errors"]![0]!["message"]);
        Assert.Equal("variableMismatch", (string?)wrongType["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task UndeclaredOrUnusedVariable_AndUnknownFragment_AreRefused()
    {
        var undeclared = await PostAsync(Http, Shop, "{ order(id: $id) { id } }");
        var unused = await PostAsync(Http, Shop, "query Q($id: ID) { shop { name } }");
        var fragment = await PostAsync(Http, Shop, "{ shop { ...Missing } }");

        Assert.Equal("Variable $id is used by anonymous query but not declared", (string?)undeclared["errors"]![0]!["message"]);
        Assert.Equal("Variable $id is declared by Q but not used", (string?)unused["errors"]![0]!["message"]);
        Assert.Equal("Fragment Missing was used, but not defined", (string?)fragment["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task OneResponseKeyForTwoFields_AnswersFieldConflict()
    {
        var body = await PostAsync(Http, Shop, "{\n  x: shop { name }\n  x: locations(first: 1) { nodes { id } }\n}");

        var error = body["errors"]!.AsArray().Single(e => ((string?)e!["message"])!.Contains("field conflict", StringComparison.Ordinal))!;
        Assert.Equal("Field 'x' has a field conflict: shop or locations?", (string?)error["message"]);
        Assert.Equal("fieldConflict", (string?)error["extensions"]!["code"]);
        Assert.Equal("x", (string?)error["extensions"]!["fieldName"]);
        Assert.Equal([2, 3], error["locations"]!.AsArray().Select(l => (int)l!["line"]!));
        Assert.Empty(error["path"]!.AsArray());
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task OneResponseKeyWithOtherArguments_AnswersArgumentConflict()
    {
        var body = await PostAsync(Http, Shop, "{ v: productVariants(first: 1) { nodes { id } } v: productVariants(first: 2) { nodes { id } } }");

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("""Field 'v' has an argument conflict: {first:"1"} or {first:"2"}?""", (string?)error["message"]);
        Assert.Equal("""{first:"1"} or {first:"2"}""", (string?)error["extensions"]!["conflicts"]);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task ConflictInsideAFragment_AnswersFieldConflict_WhileEqualFieldsMerge()
    {
        const string Conflicting = """
            { shop { ...Named id: name } }
            fragment Named on Shop { id }
            """;
        const string Merging = """{ shop { name } shop { name id } s: shop { name } s: shop { id } }""";

        var conflict = await PostAsync(Http, Shop, Conflicting);
        var merged = await PostAsync(Http, Shop, Merging);

        Assert.Equal("Field 'id' has a field conflict: id or name?", (string?)Assert.Single(conflict["errors"]!.AsArray())!["message"]);
        Assert.Null(merged["errors"]);
        Assert.NotNull(merged["data"]!["shop"]!["id"]);
        Assert.NotNull(merged["data"]!["s"]!["name"]);
    }

    [Fact]
    public async Task FragmentThatReachesItself_AnswersInfiniteLoop()
    {
        const string Query = """
            { productVariants(first: 1) { nodes { ...Variant } } }
            fragment Variant on ProductVariant { product { ...Product } }
            fragment Product on Product { variants(first: 1) { nodes { ...Variant } } }
            """;

        var body = await PostAsync(Http, Shop, Query);

        Assert.Contains("Fragment Variant contains an infinite loop", body["errors"]!.AsArray().Select(e => (string?)e!["message"]));
        Assert.All(body["errors"]!.AsArray(), e => Assert.Equal("infiniteLoop", (string?)e!["extensions"]!["code"]));
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task SelectionOnAScalarOrNoneOnAnObject_AnswersSelectionMismatch()
    {
        var onScalar = await PostAsync(Http, Shop, "{ shop { name { x } } }");
        var none = await PostAsync(Http, Shop, "{ shop }");

        Assert.Equal("selectionMismatch", (string?)onScalar["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("Field must have selections (field 'shop' returns Shop but has no selections. Did you mean 'shop { ... }'?)", (string?)none["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task MissingRequiredArgument_AnswersMissingRequiredArguments()
    {
        var body = await PostAsync(Http, Shop, "{ order { id } }");

        Assert.Equal("Field 'order' is missing required arguments: id", (string?)body["errors"]![0]!["message"]);
        Assert.Equal("missingRequiredArguments", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task InvalidDocument_RunsNothing_NotEvenItsValidMutation()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);
        var item = Shop.IdsOf(Sku("SHIRT-M"))!.InventoryItemId;
        var document = $$"""
            mutation {
              inventorySetQuantities(input: {name: "available", reason: "correction", quantities: [{inventoryItemId: "{{item}}", locationId: "gid://shopify/Location/{{Shop.LocationId}}", quantity: 1, changeFromQuantity: null}]}) @idempotent(key: "k") { userErrors { code } }
              nothing { id }
            }
            """;

        var (status, text) = await PostRawAsync(Http, Shop, document);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("undefinedField", (string?)JsonNode.Parse(text)!["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(7, Shop.StockOf(Sku("SHIRT-M")));
    }
}
