using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Ebay.Notifications;

/// <summary>
/// Answers eBay's check of a marketplace account deletion endpoint: eBay calls <c>GET {endpoint}?challenge_code=…</c> and
/// expects 200 with <c>{"challengeResponse": "…"}</c>, the lower-case hex SHA-256 of the challenge code, the verification
/// token and the endpoint, in that order. Framework-free: mount it on any HTTP server.
/// </summary>
public sealed class EbayChallengeResponder
{
    private readonly SecretValue _verificationToken;
    private readonly string _endpoint;

    /// <summary>Creates the responder for one endpoint.</summary>
    /// <param name="verificationToken">The verification token entered with the endpoint on eBay's developer portal (32 to 80 characters); never logged.</param>
    /// <param name="endpoint">The endpoint exactly as entered on the portal, e.g. <c>https://erp.example.com/ebay/account-deletion</c>.</param>
    /// <exception cref="ArgumentException">The token is empty or the endpoint is not an absolute https address.</exception>
    public EbayChallengeResponder(SecretValue verificationToken, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(verificationToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        if (verificationToken.Reveal().Length == 0)
        {
            throw new ArgumentException("The verification token is empty.", nameof(verificationToken));
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException($"The endpoint '{endpoint}' is not an absolute http(s) address; eBay calls the https address entered on the developer portal.", nameof(endpoint));
        }

        _verificationToken = verificationToken;
        _endpoint = endpoint;
    }

    /// <summary>The challenge response for a challenge code: hex(SHA-256(challengeCode + verificationToken + endpoint)).</summary>
    /// <param name="challengeCode">The <c>challenge_code</c> query parameter eBay sent.</param>
    /// <returns>The 64 lower-case hex digits.</returns>
    /// <exception cref="ArgumentException">The challenge code is empty.</exception>
    public string Respond(string challengeCode)
    {
        ArgumentException.ThrowIfNullOrEmpty(challengeCode);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(challengeCode + _verificationToken.Reveal() + _endpoint));
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The JSON body to answer eBay's check with (status 200, <c>Content-Type: application/json</c>).</summary>
    /// <param name="challengeCode">The <c>challenge_code</c> query parameter eBay sent.</param>
    /// <returns><c>{"challengeResponse":"…"}</c>.</returns>
    public string ResponseBody(string challengeCode)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("challengeResponse", Respond(challengeCode));
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Names the endpoint, never the verification token.</summary>
    /// <returns>The responder's endpoint.</returns>
    public override string ToString() => $"EbayChallengeResponder {{ Endpoint = {_endpoint} }}";
}
