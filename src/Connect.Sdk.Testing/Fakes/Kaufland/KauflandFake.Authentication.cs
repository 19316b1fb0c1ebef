using System.Security.Cryptography;
using System.Text;

namespace Connect.Sdk.Testing.Fakes.Kaufland;

/// <summary>The fake's check of Kaufland's request headers and signature, before any route answers.</summary>
public sealed partial class KauflandFake
{
    private static readonly string[] RequiredHeaders = ["Shop-Client-Key", "Shop-Timestamp", "Shop-Signature", "User-Agent"];

    /// <summary>
    /// Refuses a request without the mandatory headers (400 <c>/problems/missing-or-invalid-request-header</c>), with
    /// another client key (401 <c>/problems/invalid-credentials</c>) or whose <c>Shop-Signature</c> is not the lowercase
    /// hex HMAC-SHA256 of the request as received (401 <c>/problems/corrupted-signature</c>): method, full URI with the
    /// query exactly as sent, raw body, timestamp header. The problem types are the Seller API's ProblemType values; the
    /// status codes are not published and are the conservative reading.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The refusal, or <see langword="null"/> to go on.</returns>
    protected override FakeResponse? Authorize(FakeCall request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var header in RequiredHeaders)
        {
            if (!request.Headers.TryGetValue(header, out var value) || string.IsNullOrWhiteSpace(value))
            {
                return Problem(400, "/problems/missing-or-invalid-request-header", $"The header {header} is missing.", (header, "missing"));
            }
        }

        if (!request.Headers.TryGetValue("Accept", out var accept) || !accept.Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(400, "/problems/missing-or-invalid-request-header", "The header Accept must be application/json.", ("Accept", "invalid"));
        }

        var timestamp = request.Headers["Shop-Timestamp"];
        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return Problem(400, "/problems/missing-or-invalid-request-header", "The header Shop-Timestamp is not a unix timestamp.", ("Shop-Timestamp", "invalid"));
        }

        if (!FixedTimeEquals(request.Headers["Shop-Client-Key"], Keys.ClientKey))
        {
            return Problem(401, "/problems/invalid-credentials", "Invalid credentials.");
        }

        var uri = $"http://{request.Headers["Host"]}{request.RawPath}{(request.RawQuery.Length > 0 ? "?" + request.RawQuery : string.Empty)}";
        var expected = KauflandRequestSignature.Compute(request.Method, uri, request.Body ?? string.Empty, timestamp, Keys.SecretKey);
        return FixedTimeEquals(request.Headers["Shop-Signature"], expected)
            ? null
            : Problem(401, "/problems/corrupted-signature", "The signature is not valid.");
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
