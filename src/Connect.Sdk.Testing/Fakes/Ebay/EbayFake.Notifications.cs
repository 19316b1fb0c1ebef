using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Ebay;

/// <content>
/// The Notification API's <c>getPublicKey</c> and notifications signed as eBay signs them: <c>X-EBAY-SIGNATURE</c> is
/// base64 JSON <c>{alg: "ecdsa", kid, signature, digest: "SHA1"}</c>, the signature ECDSA with SHA-1 over the body,
/// DER-encoded in base64, verifiable with the key <c>getPublicKey</c> serves for <c>kid</c>.
/// </content>
public sealed partial class EbayFake
{
    private readonly ECDsa _signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly Dictionary<string, string> _publicKeys = new(StringComparer.Ordinal);
    private string? _signingKeyId;

    /// <summary>The id (<c>kid</c>) of the key the fake signs notifications with.</summary>
    public string SigningKeyId
    {
        get
        {
            lock (Gate)
            {
                return EnsureSigningKey();
            }
        }
    }

    /// <summary>
    /// Serves a public key under an id, e.g. the key of eBay's own signed example notification, so that a verifier can be
    /// tested against eBay's published test vector through the fake.
    /// </summary>
    /// <param name="keyId">The key id (<c>kid</c>).</param>
    /// <param name="pem">The key as <c>getPublicKey</c> answers it: <c>-----BEGIN PUBLIC KEY-----...-----END PUBLIC KEY-----</c>.</param>
    public void AddPublicKey(string keyId, string pem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(pem);
        lock (Gate)
        {
            _publicKeys[keyId] = pem;
        }
    }

    /// <summary>Signs a notification body as eBay does, with the fake's key.</summary>
    /// <param name="body">The notification's JSON body, exactly as it will be sent.</param>
    /// <returns>The value of the <c>X-EBAY-SIGNATURE</c> header.</returns>
    public string SignNotification(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        lock (Gate)
        {
            var signature = _signingKey.SignData(Encoding.UTF8.GetBytes(body), HashAlgorithmName.SHA1, DSASignatureFormat.Rfc3279DerSequence);
            var header = new JsonObject
            {
                ["alg"] = "ecdsa",
                ["kid"] = EnsureSigningKey(),
                ["signature"] = Convert.ToBase64String(signature),
                ["digest"] = "SHA1",
            };
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(header.ToJsonString(Compact)));
        }
    }

    private string EnsureSigningKey()
    {
        if (_signingKeyId is null)
        {
            _signingKeyId = Guid.NewGuid().ToString();

            // eBay serves the PEM armour without line breaks, as eBay's notification SDKs' fixtures show.
            _publicKeys[_signingKeyId] = $"-----BEGIN PUBLIC KEY-----{Convert.ToBase64String(_signingKey.ExportSubjectPublicKeyInfo())}-----END PUBLIC KEY-----";
        }

        return _signingKeyId;
    }

    private void MapNotification() =>
        Map(EbayOperations.GetPublicKey, "GET", "/commerce/notification/v1/public_key/(?<keyId>[^/]+)", request =>
        {
            EnsureSigningKey();
            return _publicKeys.TryGetValue(request.RouteValues["keyId"], out var pem)
                ? Json(200, new JsonObject { ["key"] = pem, ["algorithm"] = "ECDSA", ["digest"] = "SHA1" })
                : Error(404, 195001, "API_NOTIFICATION", "The specified public key id was not found.", parameters: Parameter("public_key_id", request.RouteValues["keyId"]));
        });
}
