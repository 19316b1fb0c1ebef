using System.Security.Cryptography;
using System.Text.Json.Nodes;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Otto;

/// <content>OAuth2 at <c>POST /v1/token</c> and the bearer token every other endpoint asks for.</content>
public sealed partial class OttoMarketFake
{
    /// <summary>The scopes the fake grants when a client asks for none: every API the connector uses.</summary>
    public static readonly IReadOnlyList<string> AllScopes = ["availability", "orders", "products", "shipments"];

    private readonly Dictionary<string, (Instant Expires, HashSet<string> Scopes)> _tokens = new(StringComparer.Ordinal);

    /// <summary>
    /// How long an access token lives (<c>expires_in</c>): an hour unless a test sets it, as the sample token in OTTO's
    /// Developers' Guide (its <c>exp</c> is 3600 seconds after its <c>iat</c>).
    /// </summary>
    public Duration TokenLifetime { get; set; } = Duration.FromHours(1);

    /// <summary>How many tokens the fake has issued.</summary>
    public int TokensIssued { get; private set; }

    /// <summary>Ends every token now, as if they had all run out; the next request with one is answered 401.</summary>
    public void ExpireTokens()
    {
        lock (Gate)
        {
            _tokens.Clear();
        }
    }

    /// <inheritdoc />
    protected override FakeResponse? Authorize(FakeCall request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Operation == "token")
        {
            return null;
        }

        var header = request.Headers.GetValueOrDefault("Authorization") ?? string.Empty;
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (token is null || !_tokens.TryGetValue(token, out var grant) || Clock.GetCurrentInstant() >= grant.Expires)
        {
            // OTTO's gateway answers a missing, unknown or expired token with 401 (conservative reading: the body shape of
            // the API's errors, since the gateway's own body is not in the sources).
            return Errors(401, "UNAUTHORIZED", request.Path, token is null ? "No bearer token." : "The access token is invalid or expired.");
        }

        var scope = request.Operation.Split('.')[0] switch
        {
            "availability" => "availability",
            "orders" => "orders",
            "shipments" => "shipments",
            _ => "products",
        };
        return grant.Scopes.Contains(scope) ? null : Errors(403, "FORBIDDEN", request.Path, $"The token's scopes do not include '{scope}'.");
    }

    /// <summary>
    /// <c>POST /v1/token</c>, form-encoded, as OTTO's developer guide shows it (there with the password grant). The fake
    /// takes the client credentials grant (<c>client_id</c>, <c>client_secret</c>, optional <c>scope</c>); a wrong client is
    /// answered 401 <c>invalid_client</c> in OAuth 2.0's error shape (RFC 6749 §5.2), the answer of the Keycloak realm that
    /// issues OTTO's tokens (the guide's sample token names it).
    /// </summary>
    private FakeResponse IssueToken(FakeCall request)
    {
        var form = UrlEncodedPairs.Read(request.Body).GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var grantType = form.GetValueOrDefault("grant_type");
        if (grantType != "client_credentials")
        {
            return OAuthError(400, grantType is null ? "invalid_request" : "unsupported_grant_type", grantType is null ? "Missing form parameter: grant_type" : "Unsupported grant_type");
        }

        if (form.GetValueOrDefault("client_id") != Credentials.ClientId
            || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(form.GetValueOrDefault("client_secret") ?? string.Empty), System.Text.Encoding.UTF8.GetBytes(Credentials.ClientSecret)))
        {
            return OAuthError(401, "invalid_client", "Invalid client or Invalid client credentials");
        }

        var asked = (form.GetValueOrDefault("scope") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var unknown = asked.FirstOrDefault(s => !AllScopes.Contains(s));
        if (unknown is not null)
        {
            return OAuthError(400, "invalid_scope", $"Invalid scopes: {unknown}");
        }

        var scopes = new HashSet<string>(asked.Length == 0 ? AllScopes : asked, StringComparer.Ordinal);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        _tokens[token] = (Clock.GetCurrentInstant() + TokenLifetime, scopes);
        TokensIssued++;
        return Json(200, new JsonObject
        {
            ["access_token"] = token,
            ["expires_in"] = (long)TokenLifetime.TotalSeconds,
            ["token_type"] = "Bearer",
            ["scope"] = string.Join(' ', scopes.Order(StringComparer.Ordinal)),
        }, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Cache-Control"] = "no-store", ["Pragma"] = "no-cache" });
    }

    private static FakeResponse OAuthError(int statusCode, string error, string description) =>
        Json(statusCode, new JsonObject { ["error"] = error, ["error_description"] = description });
}
