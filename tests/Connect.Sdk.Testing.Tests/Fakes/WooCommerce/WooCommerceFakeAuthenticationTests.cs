using System.Net;
using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using NodaTime;
using static Connect.Sdk.Testing.Tests.Fakes.WooCommerce.WooTestOrders;

namespace Connect.Sdk.Testing.Tests.Fakes.WooCommerce;

/// <summary>The fake authenticates as WooCommerce's WC_REST_Authentication: OAuth 1.0a over HTTP, keys over HTTPS.</summary>
public sealed class WooCommerceFakeAuthenticationTests() : WooCommerceFakeTestBase(basicKeys: false)
{
    protected override void Seed(WooCommerceFake woo)
    {
        woo.PlainHttp = true;
        woo.SeedArticle(Sku("MUG"), 7);
    }

    [Theory]
    [InlineData("HMAC-SHA256")]
    [InlineData("HMAC-SHA1")]
    public async Task ProductsList_PlainHttpOAuthSignatureInTheQuery_Answers200(string signatureMethod)
    {
        var url = new Uri(Woo.ApiAddress, "products?per_page=5&page=1&sku=MUG");

        using var response = await Http.GetAsync(OAuth1Signature.InQuery(url, Sign("GET", url, "n1", signatureMethod)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("MUG", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())![0]!["sku"]);
    }

    [Fact]
    public async Task ProductUpdate_PlainHttpOAuthSignatureInTheHeader_Answers200()
    {
        var id = (long)Woo.Products().Single()["id"]!;
        var url = new Uri(Woo.ApiAddress, $"products/{id}");
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = WooCommerceFakeTests.JsonBody("""{"stock_quantity":3}""") };
        request.Headers.TryAddWithoutValidation("Authorization", OAuth1Signature.Header(Sign("PUT", url, "n2")));

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, Woo.StockOf(Sku("MUG")));
    }

    [Fact]
    public async Task Orders_PlainHttpBasicOrQueryKeys_AreNotLookedAt_Answers401CannotList()
    {
        using var basic = WooCommerceFakeTests.Client(Woo, Key, Secret);

        using var byBasic = await basic.GetAsync(new Uri("orders", UriKind.Relative));
        using var byQuery = await Http.GetAsync(new Uri(Woo.ApiAddress, $"orders?consumer_key={Key}&consumer_secret={Secret}"));

        await AssertRefusal(byBasic, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
        await AssertRefusal(byQuery, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
    }

    [Fact]
    public async Task Products_NonceUsedTwice_SecondAnswers401InvalidNonce()
    {
        var url = new Uri(Woo.ApiAddress, "products");
        var signed = OAuth1Signature.InQuery(url, Sign("GET", url, "same-nonce"));

        using var first = await Http.GetAsync(signed);
        using var replay = await Http.GetAsync(signed);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertRefusal(replay, "woocommerce_rest_authentication_error", "Invalid nonce - nonce has already been used.");
    }

    [Theory]
    [InlineData(-16)]
    [InlineData(16)]
    public async Task Products_TimestampOutsideFifteenMinutes_Answers401InvalidTimestamp(int minutes)
    {
        var url = new Uri(Woo.ApiAddress, "products");
        var oauth = OAuth1Signature.Parameters("GET", url, Key, Secret, Clock.GetCurrentInstant() + Duration.FromMinutes(minutes), "n3");

        using var response = await Http.GetAsync(OAuth1Signature.InQuery(url, oauth));

        await AssertRefusal(response, "woocommerce_rest_authentication_error", "Invalid timestamp.");
    }

    [Fact]
    public async Task Products_TimestampFourteenMinutesOld_Answers200()
    {
        var url = new Uri(Woo.ApiAddress, "products");
        var oauth = OAuth1Signature.Parameters("GET", url, Key, Secret, Clock.GetCurrentInstant() - Duration.FromMinutes(14), "n4");

        using var response = await Http.GetAsync(OAuth1Signature.InQuery(url, oauth));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Products_SignedWithAnotherSecretOrForAnotherPath_Answers401SignatureDoesNotMatch()
    {
        var url = new Uri(Woo.ApiAddress, "products");
        var wrongSecret = OAuth1Signature.Parameters("GET", url, Key, Secret, Clock.GetCurrentInstant(), "n5", signWith: "cs_wrong");
        var otherPath = Sign("GET", new Uri(Woo.ApiAddress, "orders"), "n6");

        using var bySecret = await Http.GetAsync(OAuth1Signature.InQuery(url, wrongSecret));
        using var byPath = await Http.GetAsync(OAuth1Signature.InQuery(url, otherPath));

        await AssertRefusal(bySecret, "woocommerce_rest_authentication_error", "Invalid signature - provided signature does not match.");
        await AssertRefusal(byPath, "woocommerce_rest_authentication_error", "Invalid signature - provided signature does not match.");
    }

    [Fact]
    public async Task Products_QueryParameterChangedAfterSigning_Answers401SignatureDoesNotMatch()
    {
        var signedFor = new Uri(Woo.ApiAddress, "products?per_page=5");
        var sent = OAuth1Signature.InQuery(new Uri(Woo.ApiAddress, "products?per_page=50"), Sign("GET", signedFor, "n7"));

        using var response = await Http.GetAsync(sent);

        await AssertRefusal(response, "woocommerce_rest_authentication_error", "Invalid signature - provided signature does not match.");
    }

    [Fact]
    public async Task Products_UnknownConsumerKey_Answers401ConsumerKeyIsInvalid()
    {
        var url = new Uri(Woo.ApiAddress, "products");
        var oauth = OAuth1Signature.Parameters("GET", url, "ck_other", Secret, Clock.GetCurrentInstant(), "n8");

        using var response = await Http.GetAsync(OAuth1Signature.InQuery(url, oauth));

        await AssertRefusal(response, "woocommerce_rest_authentication_error", "Consumer key is invalid.");
    }

    [Fact]
    public async Task Products_PlaintextSignatureMethod_Answers401MethodIsInvalid()
    {
        var url = new Uri(Woo.ApiAddress, "products");

        using var response = await Http.GetAsync(OAuth1Signature.InQuery(url, Sign("GET", url, "n9", "PLAINTEXT")));

        await AssertRefusal(response, "woocommerce_rest_authentication_error", "Invalid signature - signature method is invalid.");
    }

    [Fact]
    public async Task Products_SomeOAuthParametersMissing_Answers401NamingThem()
    {
        var url = new Uri(Woo.ApiAddress, $"products?oauth_consumer_key={Key}&oauth_signature_method=HMAC-SHA256&oauth_timestamp=1");

        using var response = await Http.GetAsync(url);

        await AssertRefusal(response, "woocommerce_rest_authentication_missing_parameter", "Missing OAuth parameters oauth_nonce, oauth_signature");
    }

    [Fact]
    public async Task Products_BehindHttps_OAuthIsSignedOverTheHttpsAddress()
    {
        Woo.PlainHttp = false;
        var url = new Uri(Woo.ApiAddress, "products");
        var https = new UriBuilder(url) { Scheme = Uri.UriSchemeHttps, Port = url.Port }.Uri;

        using var overHttps = await Http.GetAsync(OAuth1Signature.InQuery(url, Sign("GET", https, "n10")));
        using var overHttp = await Http.GetAsync(OAuth1Signature.InQuery(url, Sign("GET", url, "n11")));

        Assert.Equal(HttpStatusCode.OK, overHttps.StatusCode);
        await AssertRefusal(overHttp, "woocommerce_rest_authentication_error", "Invalid signature - provided signature does not match.");
    }

    [Fact]
    public async Task Routes_NoCredentials_AnswerEachControllersPermissionError()
    {
        var id = (long)Woo.Products().Single()["id"]!;

        using var read = await Http.GetAsync(new Uri(Woo.ApiAddress, $"products/{id}"));
        using var edit = await Http.PutAsync(new Uri(Woo.ApiAddress, $"products/{id}"), WooCommerceFakeTests.JsonBody("{}"));
        using var batch = await Http.PostAsync(new Uri(Woo.ApiAddress, "products/batch"), WooCommerceFakeTests.JsonBody("{}"));

        await AssertRefusal(read, "woocommerce_rest_cannot_view", "Sorry, you cannot view this resource.");
        await AssertRefusal(edit, "woocommerce_rest_cannot_edit", "Sorry, you are not allowed to edit this resource.");
        await AssertRefusal(batch, "woocommerce_rest_cannot_batch", "Sorry, you are not allowed to batch manipulate this resource.");
    }

    private static async Task AssertRefusal(HttpResponseMessage response, string code, string message)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(code, (string?)body["code"]);
        Assert.Equal(message, (string?)body["message"]);
        Assert.Equal(401, (int)body["data"]!["status"]!);
    }

    private SortedDictionary<string, string> Sign(string method, Uri url, string nonce, string signatureMethod = "HMAC-SHA256") =>
        OAuth1Signature.Parameters(method, url, Key, Secret, Clock.GetCurrentInstant(), nonce, signatureMethod);
}
