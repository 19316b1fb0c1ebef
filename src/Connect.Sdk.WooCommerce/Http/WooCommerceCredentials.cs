using System.Text;
using Connect.Sdk.Settings;

namespace Connect.Sdk.WooCommerce.Http;

/// <summary>A connection's REST API key: the consumer key (<c>ck_…</c>) and its secret (<c>cs_…</c>), both secret.</summary>
/// <param name="ConsumerKey">The consumer key.</param>
/// <param name="ConsumerSecret">The consumer secret.</param>
internal sealed record WooCommerceCredentials(SecretValue ConsumerKey, SecretValue ConsumerSecret)
{
    /// <summary>The setting keys of the two secrets, in the order a connection's endpoint reads them.</summary>
    public static IReadOnlyList<string> SecretKeys { get; } = [WooCommerceConnector.ConsumerKeyKey, WooCommerceConnector.ConsumerSecretKey];

    /// <summary>The key and secret among a connection's secrets, as its endpoint put them on a request.</summary>
    /// <param name="secrets">The secrets by setting key.</param>
    /// <returns>The credentials, or <see langword="null"/> when either is missing.</returns>
    public static WooCommerceCredentials? From(IReadOnlyDictionary<string, SecretValue> secrets) =>
        secrets.TryGetValue(WooCommerceConnector.ConsumerKeyKey, out var key) && secrets.TryGetValue(WooCommerceConnector.ConsumerSecretKey, out var secret)
            ? new(key, secret)
            : null;

    /// <summary>The parameter of the HTTP Basic header, <c>base64(key:secret)</c>; only the authentication handler puts it on the wire.</summary>
    /// <returns>The parameter.</returns>
    public string BasicParameter() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ConsumerKey.Reveal()}:{ConsumerSecret.Reveal()}"));

    /// <summary>A redactor that removes both values (and their URL and Base64 forms) from logged texts.</summary>
    /// <returns>The redactor.</returns>
    public SecretRedactor Redactor() => new([ConsumerKey, ConsumerSecret, new SecretValue(BasicParameter())]);

    /// <summary>Never the values.</summary>
    /// <returns><c>WooCommerceCredentials(***)</c>.</returns>
    public override string ToString() => $"{nameof(WooCommerceCredentials)}({SecretValue.Redacted})";
}
