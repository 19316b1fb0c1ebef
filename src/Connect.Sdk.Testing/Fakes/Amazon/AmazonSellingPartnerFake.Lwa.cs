using System.Globalization;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Amazon;

/// <content>The Login with Amazon token exchange: a refresh token and the client's id and secret for an access token.</content>
public sealed partial class AmazonSellingPartnerFake
{
    // LWA reads the parameters from a form body, as its guide shows, or from a JSON object, as Amazon's own SDKs
    // (LWAClient in selling-partner-api-models/clients) and the amazon-sp-api client post them. A JSON value that is
    // not a string counts as missing, so the answer names it rather than reading something else into it.
    private static Dictionary<string, string>? ParseTokenRequest(FakeCall request)
    {
        var contentType = request.Headers.GetValueOrDefault("Content-Type") ?? string.Empty;
        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return ParseForm(request.Body);
        }

        if (ParseObject(request.Body) is not { } json)
        {
            return null;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in json)
        {
            if (value is JsonValue text && text.TryGetValue<string>(out var parameter))
            {
                parameters[name] = parameter;
            }
        }

        return parameters;
    }

    private static Dictionary<string, string> ParseForm(string? body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in UrlEncodedPairs.Read(body))
        {
            form.TryAdd(name, value);
        }

        return form;
    }

    private static FakeResponse LwaError(int statusCode, string error, string description) =>
        Json(statusCode, new JsonObject { ["error_description"] = description, ["error"] = error }, NoStore());

    private static Dictionary<string, string> NoStore() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Cache-Control"] = "no-store",
        ["Pragma"] = "no-cache",
    };

    /// <summary>
    /// <c>POST /auth/o2/token</c> with a form or a JSON body: the success shape and its headers are the developer guide's; the error bodies
    /// are OAuth 2.0's (RFC 6749 §5.2) in the wording LWA answers with (<c>invalid_grant</c>, "The request has
    /// an invalid grant parameter : refresh_token").
    /// </summary>
    private FakeResponse ExchangeToken(FakeCall request)
    {
        if (ParseTokenRequest(request) is not { } form)
        {
            return LwaError(400, "invalid_request", "The request body is not a JSON object.");
        }

        var grantType = form.GetValueOrDefault("grant_type");
        if (string.IsNullOrEmpty(grantType))
        {
            return LwaError(400, "invalid_request", "The request is missing a required parameter : grant_type");
        }

        if (grantType != "refresh_token")
        {
            // Grantless (client_credentials) calls are out of this fake's scope: none of its operations needs one.
            return LwaError(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server");
        }

        if (form.GetValueOrDefault("client_id") != Credentials.ClientId || form.GetValueOrDefault("client_secret") != Credentials.ClientSecret)
        {
            return LwaError(401, "invalid_client", "Client authentication failed");
        }

        if (string.IsNullOrEmpty(form.GetValueOrDefault("refresh_token")))
        {
            return LwaError(400, "invalid_request", "The request is missing a required parameter : refresh_token");
        }

        if (form["refresh_token"] != Credentials.RefreshToken)
        {
            return LwaError(400, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
        }

        var accessToken = string.Create(CultureInfo.InvariantCulture, $"Atza|IwEBIFakeAccessToken{_nextTokenNumber++:D6}");
        _accessTokens[accessToken] = Clock.GetCurrentInstant() + AccessTokenLifetime;
        return Json(200, new JsonObject
        {
            ["access_token"] = accessToken,
            ["refresh_token"] = Credentials.RefreshToken,
            ["token_type"] = "bearer",
            ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
        }, NoStore());
    }
}
