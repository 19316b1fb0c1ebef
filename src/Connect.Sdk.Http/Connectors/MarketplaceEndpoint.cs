using Connect.Sdk.Connectors;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Http;

/// <summary>
/// What a <see cref="MarketplaceClient"/> needs of one connection: the marketplace's name for messages, the connection's
/// base address, its secrets (for a signing handler, <see cref="MarketplaceRequest.Secrets"/>) and the redactor that
/// keeps them out of logs, exceptions and the journal.
/// </summary>
/// <param name="Marketplace">The marketplace's name in messages, e.g. <c>Basar</c>.</param>
/// <param name="BaseAddress">The API's base address; paths are relative to it, so it ends with <c>/</c>.</param>
/// <param name="Redactor">Removes the connection's secrets from URIs, bodies and messages.</param>
public sealed record MarketplaceEndpoint(string Marketplace, Uri BaseAddress, SecretRedactor Redactor)
{
    /// <summary>The connection, named on every failure.</summary>
    public ConnectionId? ConnectionId { get; init; }

    /// <summary>The connection's secrets by setting key, put on each request for the connector's signing handler.</summary>
    public IReadOnlyDictionary<string, SecretValue> Secrets { get; init; } = new Dictionary<string, SecretValue>(StringComparer.Ordinal);

    /// <summary>The connection's rate budget, when it is not the client's own (<see cref="MarketplaceHttpClientOptions.Account"/>).</summary>
    public RateBudgetScope? RateBudget { get; init; }

    /// <summary>
    /// How a refusal's body reads in <see cref="MarketplaceClient.Refused"/>'s message, in parentheses: a marketplace with an
    /// error shape of its own gives its code and message (WooCommerce's <c>{"code","message"}</c> as
    /// <c>(woocommerce_rest_shop_order_invalid_id: Invalid ID.)</c>). <see langword="null"/> quotes the body's start as one
    /// line of text. The body it gets is redacted already.
    /// </summary>
    public Func<string, string>? DescribeError { get; init; }

    /// <summary>
    /// Reads a connection's endpoint: the base address from a setting (an absolute http or https URI) and the named
    /// secrets, with a redactor over them.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="marketplace">The marketplace's name in messages.</param>
    /// <param name="baseAddressKey">The setting that holds the API's base address.</param>
    /// <param name="secretKeys">The secrets the connection's requests need.</param>
    /// <param name="cancellationToken">Cancels reading the secrets.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="ConnectionSettingException">The base address is missing or not an absolute http(s) URI, or a secret is not set.</exception>
    public static async ValueTask<MarketplaceEndpoint> ForConnectionAsync(ConnectionContext connection, string marketplace, string baseAddressKey, IReadOnlyList<string> secretKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(secretKeys);
        var address = connection.Settings.Get(baseAddressKey);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var baseAddress) || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConnectionSettingException(baseAddressKey, $"The {marketplace} connection's setting '{baseAddressKey}' must be the API's absolute http or https address; it is '{address}'.")
            {
                ConnectionId = connection.ConnectionId,
            };
        }

        var secrets = new Dictionary<string, SecretValue>(StringComparer.Ordinal);
        foreach (var key in secretKeys)
        {
            secrets[key] = await connection.GetSecretAsync(key, cancellationToken).ConfigureAwait(false);
        }

        // Paths are relative: without the slash, new Uri(base, "orders") would replace the base's last segment.
        var withSlash = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        return new MarketplaceEndpoint(marketplace, withSlash, new SecretRedactor(secrets.Values))
        {
            ConnectionId = connection.ConnectionId,
            Secrets = secrets,
        };
    }
}
