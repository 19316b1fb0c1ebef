using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes.Amazon;
using NodaTime;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Amazon.AmazonTestData;

namespace Connect.Sdk.Testing.Tests.Fakes.Amazon;

public sealed class AmazonSellingPartnerFakeAuthTests : IAsyncLifetime
{
    private static readonly Uri Orders = new($"orders/v0/orders?MarketplaceIds={Marketplace}&LastUpdatedAfter=2026-01-01T00:00:00Z", UriKind.Relative);

    private readonly FakeClock _clock = new(Start);
    private AmazonSellingPartnerFake _amazon = null!;

    public Task InitializeAsync()
    {
        _amazon = StartAmazon(_clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _amazon.DisposeAsync();

    [Fact]
    public void Start_ListensOnLoopback_AndNeverPrintsSecrets()
    {
        Assert.Equal("127.0.0.1", _amazon.BaseAddress.Host);
        Assert.Equal("/auth/o2/token", _amazon.TokenAddress.AbsolutePath);
        Assert.DoesNotContain(ClientSecret, _amazon.Credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(RefreshToken, _amazon.Credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenExchange_GoodRefreshToken_AnswersABearerTokenForAnHour()
    {
        using var http = new HttpClient();

        using var response = await http.PostAsync(_amazon.TokenAddress, TokenRequest());
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Atza|", (string?)body!["access_token"], StringComparison.Ordinal);
        Assert.Equal("bearer", (string?)body["token_type"]);
        Assert.Equal(3600, (int)body["expires_in"]!);
        Assert.Equal(RefreshToken, (string?)body["refresh_token"]);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task TokenExchange_JsonBody_AnswersABearerToken_AsForAForm()
    {
        using var http = new HttpClient();
        var json = new JsonObject { ["grant_type"] = "refresh_token", ["refresh_token"] = RefreshToken, ["client_id"] = ClientId, ["client_secret"] = ClientSecret };

        using var response = await http.PostAsJsonAsync(_amazon.TokenAddress, json);
        var body = await JsonOf(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Atza|", (string?)body["access_token"], StringComparison.Ordinal);
        Assert.Equal(3600, (int)body["expires_in"]!);
    }

    [Fact]
    public async Task TokenExchange_JsonBodyWithWrongSecret_AnswersInvalidClient()
    {
        using var http = new HttpClient();
        var json = new JsonObject { ["grant_type"] = "refresh_token", ["refresh_token"] = RefreshToken, ["client_id"] = ClientId, ["client_secret"] = "wrong-secret" };

        using var response = await http.PostAsJsonAsync(_amazon.TokenAddress, json);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (string?)(await JsonOf(response))["error"]);
    }

    [Theory]
    [InlineData("Atzr|NotTheSellersToken", ClientSecret, HttpStatusCode.BadRequest, "invalid_grant")]
    [InlineData(RefreshToken, "wrong-secret", HttpStatusCode.Unauthorized, "invalid_client")]
    public async Task TokenExchange_WrongCredentials_AnswersTheOAuthError(string refreshToken, string secret, HttpStatusCode status, string error)
    {
        using var http = new HttpClient();

        using var response = await http.PostAsync(_amazon.TokenAddress, TokenRequest(refreshToken, secret));
        var body = await JsonOf(response);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(error, (string?)body["error"]);
        Assert.False(string.IsNullOrEmpty((string?)body["error_description"]));
        Assert.Equal([(int)status], _amazon.Requests.Select(r => r.StatusCode));
        Assert.All(_amazon.Requests, r => Assert.DoesNotContain("Atzr", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "Access token is missing in the request header.")]
    [InlineData("Atza|MadeUpToken", "The access token you provided is revoked, malformed or invalid.")]
    public async Task SpApi_WithoutAValidAccessToken_Answers403UnauthorizedInAmazonsWords(string? token, string details)
    {
        using var http = new HttpClient { BaseAddress = _amazon.BaseAddress };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Add("x-amz-access-token", token);
        }

        using var response = await http.GetAsync(Orders);
        var error = (await JsonOf(response))["errors"]![0]!;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Unauthorized", (string?)error["code"]);
        Assert.Equal("Access to requested resource is denied.", (string?)error["message"]);
        Assert.Equal(details, (string?)error["details"]);
        Assert.False(response.Headers.Contains("x-amzn-RateLimit-Limit"));
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
    }

    [Fact]
    public async Task SpApi_AccessTokenAfterAnHour_Answers403ExpiredInAmazonsWords_AndANewTokenWorks()
    {
        using var http = await ClientAsync(_amazon);
        using var fresh = await http.GetAsync(Orders);

        _clock.Advance(Duration.FromSeconds(3600));
        using var expired = await http.GetAsync(Orders);
        using var renewed = await ClientAsync(_amazon);
        using var again = await renewed.GetAsync(Orders);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        var error = (await JsonOf(expired))["errors"]![0]!;
        Assert.Equal("Unauthorized", (string?)error["code"]);
        Assert.Equal("Access to requested resource is denied.", (string?)error["message"]);
        Assert.Equal("The access token you provided has expired.", (string?)error["details"]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_Answers404ResourceNotFound_WithWhatTheFakeServes()
    {
        using var http = await ClientAsync(_amazon);

        using var response = await http.GetAsync(new Uri("fba/inventory/v1/summaries", UriKind.Relative));
        var error = (await JsonOf(response))["errors"]![0]!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFound", (string?)error["code"]);
        Assert.Equal("Cannot find resource by the given URI", (string?)error["message"]);
        Assert.StartsWith("GET /fba/inventory/v1/summaries is not modelled.", (string?)error["details"], StringComparison.Ordinal);
        Assert.Contains("getListingsItem", (string?)error["details"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PATCH", "listings/2020-09-01/items/A2EXAMPLE1SELLER/MUG-BLUE", "listings API in version 2021-08-01 only, not 2020-09-01")]
    [InlineData("GET", "orders/2026-01-01/orders", "orders API in version v0 only, not 2026-01-01")]
    public async Task OtherVersionOfAServedApi_Answers404_NamingTheVersionTheFakeServes(string method, string path, string hint)
    {
        using var http = await ClientAsync(_amazon);

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        using var response = await http.SendAsync(request);
        var error = (await JsonOf(response))["errors"]![0]!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFound", (string?)error["code"]);
        Assert.Contains(hint, (string?)error["details"], StringComparison.Ordinal);
    }
}
