using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Ebay;

/// <content>
/// The identity API's token exchange and the checks every other call passes: the access token and its scopes, and
/// the daily call limit of the API called.
/// </content>
public sealed partial class EbayFake
{
    /// <summary>The scope a token needs for the Inventory API's calls.</summary>
    public const string InventoryScope = "https://api.ebay.com/oauth/api_scope/sell.inventory";

    /// <summary>The scope a token needs for the Fulfillment API's calls.</summary>
    public const string FulfillmentScope = "https://api.ebay.com/oauth/api_scope/sell.fulfillment";

    /// <summary>The scope of an application token (client credentials grant), which the Notification API takes.</summary>
    public const string ApplicationScope = "https://api.ebay.com/oauth/api_scope";

    private static readonly string[] GrantedScopes = [InventoryScope, FulfillmentScope, ApplicationScope];

    private readonly Dictionary<string, (Instant Expires, string[] Scopes)> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (LocalDate Day, int Calls)> _callsToday = new(StringComparer.Ordinal);
    private bool _refreshTokenRevoked;
    private long _nextTokenNumber = 1;

    /// <summary>
    /// Revokes the seller's refresh token, as when the seller withdraws the application's consent or the token's 18
    /// months run out: the token exchange answers <c>invalid_grant</c> from now on, and access tokens already minted
    /// live out their time.
    /// </summary>
    public void RevokeRefreshToken()
    {
        lock (Gate)
        {
            _refreshTokenRevoked = true;
        }
    }

    /// <summary>
    /// Invalidates every access token minted so far, as eBay does when it ends a user's tokens before their two hours
    /// (a password change, a revoked consent): calls with them answer 401 error 1001.
    /// </summary>
    public void RevokeAccessTokens()
    {
        lock (Gate)
        {
            _accessTokens.Clear();
        }
    }

    /// <inheritdoc />
    protected override FakeResponse? Authorize(FakeCall request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var api = request.Operation.Split('.')[0];
        var limit = api switch
        {
            "identity" => CallLimits.TokenPerDay,
            "inventory" => CallLimits.InventoryPerDay,
            "fulfillment" => CallLimits.FulfillmentPerDay,
            "notification" => CallLimits.NotificationPerDay,
            _ => null,
        };
        if (limit is { } perDay && !CountCall(api, perDay))
        {
            return ServerFault(429);
        }

        if (api is "identity" or "route")
        {
            return null;
        }

        var header = request.Headers.GetValueOrDefault("Authorization") ?? string.Empty;
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (token is null || !_accessTokens.TryGetValue(token, out var granted) || granted.Expires <= Clock.GetCurrentInstant())
        {
            return Error(401, 1001, "OAuth", "Invalid access token", "Invalid access token. Check the value of the Authorization HTTP request header.");
        }

        var needed = api switch
        {
            "inventory" => InventoryScope,
            "fulfillment" => FulfillmentScope,
            _ => ApplicationScope,
        };
        return granted.Scopes.Contains(needed, StringComparer.Ordinal)
            ? null
            : Error(403, 1100, "ACCESS", "Access denied", "Insufficient permissions to fulfill the request.", category: "REQUEST");
    }

    private static FakeResponse OAuthError(int statusCode, string error, string description) =>
        Json(statusCode, new JsonObject { ["error"] = error, ["error_description"] = description });

    private bool CountCall(string api, int perDay)
    {
        var today = Today();
        var (day, calls) = _callsToday.GetValueOrDefault(api);
        calls = day == today ? calls : 0;
        if (calls >= perDay)
        {
            return false;
        }

        _callsToday[api] = (today, calls + 1);
        return true;
    }

    private void MapIdentity() => Map(EbayOperations.Token, "POST", "/identity/v1/oauth2/token", ExchangeToken);

    /// <summary>
    /// <c>POST /identity/v1/oauth2/token</c>: the application authenticates with HTTP Basic (client id and secret), the
    /// form carries <c>grant_type</c> (<c>refresh_token</c> with <c>refresh_token</c>, or <c>client_credentials</c>) and
    /// optionally <c>scope</c>, no wider than what the seller granted. The answer is eBay's: <c>access_token</c>,
    /// <c>expires_in</c> 7200 and <c>token_type</c> "User Access Token" (or "Application Access Token").
    /// </summary>
    private FakeResponse ExchangeToken(FakeCall request)
    {
        if (!IsApplication(request.Headers.GetValueOrDefault("Authorization")))
        {
            return OAuthError(401, "invalid_client", "client authentication failed");
        }

        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in UrlEncodedPairs.Read(request.Body))
        {
            form.TryAdd(name, value);
        }

        var grantType = form.GetValueOrDefault("grant_type");
        if (grantType is not ("refresh_token" or "client_credentials"))
        {
            return string.IsNullOrEmpty(grantType)
                ? OAuthError(400, "invalid_request", "request is missing a required parameter or malformed.")
                : OAuthError(400, "unsupported_grant_type", "grant type in request is not supported by the authorization server");
        }

        var scopes = form.TryGetValue("scope", out var scope)
            ? scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : grantType == "client_credentials" ? [ApplicationScope] : [InventoryScope, FulfillmentScope];
        if (scopes.Any(s => !GrantedScopes.Contains(s, StringComparer.Ordinal)) || (grantType == "client_credentials" && scopes.Any(s => s != ApplicationScope)))
        {
            return OAuthError(400, "invalid_scope", "The requested scope is invalid, unknown, malformed, or exceeds the scope granted to the client");
        }

        if (grantType == "refresh_token")
        {
            if (string.IsNullOrEmpty(form.GetValueOrDefault("refresh_token")))
            {
                return OAuthError(400, "invalid_request", "request is missing a required parameter or malformed.");
            }

            if (_refreshTokenRevoked || form["refresh_token"] != Credentials.RefreshToken)
            {
                return OAuthError(400, "invalid_grant", "the provided authorization refresh token is invalid or was issued to another client");
            }
        }

        var accessToken = string.Create(CultureInfo.InvariantCulture, $"v^1.1#i^1#fake#{_nextTokenNumber++:D6}");
        _accessTokens[accessToken] = (Clock.GetCurrentInstant() + AccessTokenLifetime, scopes);
        return Json(200, new JsonObject
        {
            ["access_token"] = accessToken,
            ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
            ["token_type"] = grantType == "refresh_token" ? "User Access Token" : "Application Access Token",
        });
    }

    private bool IsApplication(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
            return pair == $"{Credentials.ClientId}:{Credentials.ClientSecret}";
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
