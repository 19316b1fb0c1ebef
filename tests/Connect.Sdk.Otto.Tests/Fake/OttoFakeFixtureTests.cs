using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Sdk.Otto.Tests.TestSupport;
using Connect.Sdk.Testing.Fakes.Otto;
using NodaTime;

namespace Connect.Sdk.Otto.Tests.Fake;

/// <summary>
/// The fake's answers against OTTO's published examples (the official PHP SDK's fixtures under Samples): the same
/// fields in the same places, so that the fake and the connector are not only agreeing with each other.
/// </summary>
public sealed class OttoFakeFixtureTests : IAsyncDisposable
{
    private readonly OttoMarketFake _otto = OttoMarketFake.Start(OttoTestKeys.Credentials);
    private readonly HttpClient _http;

    public OttoFakeFixtureTests() => _http = new HttpClient { BaseAddress = _otto.BaseAddress };

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _otto.DisposeAsync();
    }

    [Fact]
    public async Task CreateShipment_Valid_AnswersTheShapeOfOttosExample()
    {
        var order = SeedOrder();
        await AuthorizeAsync();

        var (status, body) = await PostAsync("/v1/shipments", Shipment(order.MarketplaceOrderId, order.Lines[0].LineId, "DEU"));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(Paths(Sample("shipments_create_201.json")), Paths(body));
    }

    [Fact]
    public async Task CreateShipment_CountryNotAlpha3_AnswersOttosErrorShapeNamingThePath()
    {
        var order = SeedOrder();
        await AuthorizeAsync();

        var (status, body) = await PostAsync("/v1/shipments", Shipment(order.MarketplaceOrderId, order.Lines[0].LineId, "DE"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Subset(Paths(body).ToHashSet(StringComparer.Ordinal), Paths(Sample("error_400_invalid_request_parameter.json")).ToHashSet(StringComparer.Ordinal));
        Assert.Equal("INVALID_REQUEST_PARAMETER", (string?)body["errors"]![0]!["title"]);
        Assert.Equal("shipFromAddress.countryCode", (string?)body["errors"]![0]!["path"]);
    }

    [Fact]
    public async Task ListOrders_TwoPages_NextLinkAndLastPageShapedAsOttosListExample()
    {
        SeedOrder(1);
        SeedOrder(2);
        await AuthorizeAsync();

        var first = await GetAsync("/v4/orders?limit=1");
        var last = await GetAsync((string)first["links"]![0]!["href"]!);

        Assert.Equal(Paths(Sample("shipments_list_page1_with_next_link.json")).Where(p => p.StartsWith("links", StringComparison.Ordinal)), Paths(first).Where(p => p.StartsWith("links", StringComparison.Ordinal)));
        Assert.Equal("next", (string?)first["links"]![0]!["rel"]);
        Assert.Null(Sample("shipments_list_page2_last.json")["links"]);
        Assert.Null(last["links"]);
        Assert.Single(last["resources"]!.AsArray());
    }

    [Fact]
    public async Task Token_WrongSecret_RefusedWithOAuthsErrorAndNoToken()
    {
        using var form = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", OttoTestKeys.ClientId), new("client_secret", OttoTestKeys.WrongSecret)]);

        using var answer = await _http.PostAsync(new Uri("/v1/token", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        Assert.Equal("invalid_client", (string?)body["error"]);
        Assert.Null(body["access_token"]);
    }

    [Fact]
    public async Task ListOrders_OlderOrderChangedLater_SortedByOrderDateAsOttosReferenceSays()
    {
        var newer = SeedOrder(1);
        var older = SeedOrder(2);
        _otto.Touch(older.OrderNumber);
        await AuthorizeAsync();

        var ascending = await GetAsync("/v4/orders?orderColumnType=ORDER_LIFECYCLE_DATE");
        var descending = await GetAsync("/v4/orders?orderDirection=DESC");
        using var otherColumn = await _http.GetAsync(new Uri("/v4/orders?orderColumnType=LAST_MODIFIED_DATE", UriKind.Relative));

        Assert.Equal([older.OrderNumber, newer.OrderNumber], ascending["resources"]!.AsArray().Select(o => (string)o!["orderNumber"]!));
        Assert.Equal([newer.OrderNumber, older.OrderNumber], descending["resources"]!.AsArray().Select(o => (string)o!["orderNumber"]!));
        Assert.Equal(HttpStatusCode.BadRequest, otherColumn.StatusCode);
    }

    private static JsonNode Sample(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", file)))!;

    // Every field's path, array positions as [], sorted: the shape of a body without its values.
    private static string[] Paths(JsonNode node)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? current, string path)
        {
            switch (current)
            {
                case JsonObject obj:
                    foreach (var (name, value) in obj)
                    {
                        Walk(value, path.Length == 0 ? name : path + "." + name);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Walk(item, path + "[]");
                    }

                    break;
                default:
                    paths.Add(path);
                    break;
            }
        }

        Walk(node, string.Empty);
        return [.. paths];
    }

    private static string Shipment(string salesOrderId, string positionItemId, string country) => $$"""
        {"trackingKey":{"carrier":"HERMES","trackingNumber":"H1234567890"},"shipDate":"2026-11-23T14:30:00Z",
         "shipFromAddress":{"city":"Hamburg","zipCode":"22222","countryCode":"{{country}}"},
         "positionItems":[{"positionItemId":"{{positionItemId}}","salesOrderId":"{{salesOrderId}}"}]}
        """;

    private Connect.Sdk.Orders.MarketplaceOrder SeedOrder(int number = 1)
    {
        _otto.SeedArticle(OttoTestMarket.Sku(1), 5);
        var order = TestOrders.Order(number, SystemClock.Instance.GetCurrentInstant() - Duration.FromHours(number));
        _otto.SeedOrder(order);
        return order;
    }

    private async Task AuthorizeAsync()
    {
        using var form = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", OttoTestKeys.ClientId), new("client_secret", OttoTestKeys.ClientSecret)]);
        using var answer = await _http.PostAsync(new Uri("/v1/token", UriKind.Relative), form);
        var token = (string)JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["access_token"]!;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var answer = await _http.PostAsync(new Uri(path, UriKind.Relative), content);
        return (answer.StatusCode, JsonNode.Parse(await answer.Content.ReadAsStringAsync())!);
    }

    private async Task<JsonNode> GetAsync(string path)
    {
        using var answer = await _http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
    }
}
