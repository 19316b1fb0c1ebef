using Connect.Sdk.Settings;

namespace Connect.Sdk.Kaufland.Http;

/// <summary>
/// A connection's Seller API keys, both secret: the client key sent as <c>Shop-Client-Key</c> and the secret key that
/// signs each request and is never sent. With them travels the partner solution's name for the <c>User-Agent</c>.
/// </summary>
/// <param name="ClientKey">The client key (32 characters).</param>
/// <param name="SecretKey">The secret key (64 characters).</param>
/// <param name="UserAgent">The partner solution's name; not secret.</param>
internal sealed record KauflandCredentials(SecretValue ClientKey, SecretValue SecretKey, string UserAgent)
{
    /// <summary>The setting keys of the two secrets, in the order a connection's endpoint reads them.</summary>
    public static IReadOnlyList<string> SecretKeys { get; } = [KauflandConnector.ClientKeyKey, KauflandConnector.SecretKeyKey];

    /// <summary>
    /// The key under which the partner solution's name travels with a request beside the secrets: the endpoint's
    /// secrets are the one per-request slot the marketplace client gives a signing handler. It is kept out of the
    /// redactor, so it is never masked in texts.
    /// </summary>
    public const string UserAgentSlot = "kaufland.userAgent";

    /// <summary>The credentials among the values an endpoint put on a request.</summary>
    /// <param name="values">The request's secrets by key.</param>
    /// <returns>The credentials, or <see langword="null"/> when one is missing.</returns>
    public static KauflandCredentials? From(IReadOnlyDictionary<string, SecretValue> values) =>
        values.TryGetValue(KauflandConnector.ClientKeyKey, out var client)
        && values.TryGetValue(KauflandConnector.SecretKeyKey, out var secret)
        && values.TryGetValue(UserAgentSlot, out var userAgent)
            ? new(client, secret, userAgent.Reveal())
            : null;

    /// <summary>The values to put on a request: both keys and the partner solution's name.</summary>
    /// <returns>The values by key.</returns>
    public IReadOnlyDictionary<string, SecretValue> ToRequestValues() => new Dictionary<string, SecretValue>(StringComparer.Ordinal)
    {
        [KauflandConnector.ClientKeyKey] = ClientKey,
        [KauflandConnector.SecretKeyKey] = SecretKey,
        [UserAgentSlot] = new SecretValue(UserAgent),
    };

    /// <summary>A redactor that removes both keys (and their URL and Base64 forms) from logged texts.</summary>
    /// <returns>The redactor.</returns>
    public SecretRedactor Redactor() => new([ClientKey, SecretKey]);

    /// <summary>Never the keys.</summary>
    /// <returns><c>KauflandCredentials(***)</c>.</returns>
    public override string ToString() => $"{nameof(KauflandCredentials)}({SecretValue.Redacted})";
}
