using System.Net;
using System.Net.Http.Headers;
using Connect.Sdk.Testing.Fakes.Ebay;
using NodaTime;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Ebay.EbayTestData;

namespace Connect.Sdk.Testing.Tests.Fakes.Ebay;

public sealed class EbayFakeAuthTests : IAsyncLifetime
{
    private static readonly Uri Orders = new("sell/fulfillment/v1/order", UriKind.Relative);

    private readonly FakeClock _clock = new(Start);
    private EbayFake _ebay = null!;

    public Task InitializeAsync()
    {
        _ebay = StartEbay(_clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ebay.DisposeAsync();

    [Fact]
    public void Credentials_ToString_NeverShowsTheSecretOrTheRefreshToken()
    {
        Assert.DoesNotContain(ClientSecret, Credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(RefreshToken, Credentials.ToString(), StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", _ebay.BaseAddress.Host);
    }

    [Fact]
    public async Task Token_RefreshTokenWithBasicAuth_AnswersAUserAccessTokenForTwoHours()
    {
        using var http = new HttpClient();
        using var request = TokenRequest(_ebay);

        using var response = await http.SendAsync(request);
        var body = await JsonOf(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("User Access Token", (string?)body["token_type"]);
        Assert.Equal(7200, (int)body["expires_in"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["access_token"]));
    }

    [Fact]
    public async Task Token_WrongClientSecret_Answers401InvalidClient()
    {
        using var http = new HttpClient();
        using var request = TokenRequest(_ebay, clientSecret: "PRD-wrong");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (string?)(await JsonOf(response))["error"]);
    }

    [Fact]
    public async Task Token_RevokedRefreshToken_AnswersInvalidGrant_InEbaysWords()
    {
        _ebay.RevokeRefreshToken();
        using var http = new HttpClient();
        using var request = TokenRequest(_ebay);

        using var response = await http.SendAsync(request);
        var body = await JsonOf(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (string?)body["error"]);
        Assert.Equal("the provided authorization refresh token is invalid or was issued to another client", (string?)body["error_description"]);
    }

    [Fact]
    public async Task Token_ScopeBeyondTheGrant_AnswersInvalidScope()
    {
        using var http = new HttpClient();
        using var request = TokenRequest(_ebay, scope: "https://api.ebay.com/oauth/api_scope/sell.finances");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_scope", (string?)(await JsonOf(response))["error"]);
    }

    [Fact]
    public async Task SellApi_WithoutToken_Answers401Error1001()
    {
        using var http = new HttpClient { BaseAddress = _ebay.BaseAddress };

        using var response = await http.GetAsync(Orders);
        var error = (await JsonOf(response))["errors"]![0]!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1001, (int)error["errorId"]!);
        Assert.Equal("Invalid access token", (string?)error["message"]);
    }

    [Fact]
    public async Task SellApi_TokenPastItsTwoHours_Answers401()
    {
        using var http = await ClientAsync(_ebay);
        using var fresh = await http.GetAsync(Orders);

        _clock.Advance(Duration.FromSeconds(7200));
        using var expired = await http.GetAsync(Orders);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task SellApi_TokenWithoutTheApisScope_Answers403Error1100()
    {
        using var http = await ClientAsync(_ebay, scope: EbayFake.InventoryScope);

        using var response = await http.GetAsync(Orders);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1100, (int)(await JsonOf(response))["errors"]![0]!["errorId"]!);
    }

    [Fact]
    public async Task SellApi_BasicAuthInsteadOfBearer_Answers401()
    {
        using var http = new HttpClient { BaseAddress = _ebay.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "Q29ubmVjdDpzZWNyZXQ=");

        using var response = await http.GetAsync(Orders);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
