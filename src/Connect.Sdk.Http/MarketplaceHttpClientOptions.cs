using Connect.Sdk.Settings;

namespace Connect.Sdk.Http;

/// <summary>
/// Settings of one named marketplace client, usually one per connection. Named options: configured by
/// <c>AddMarketplaceHttpClient(name, ...)</c> and validated when the host starts.
/// </summary>
public sealed class MarketplaceHttpClientOptions
{
    /// <summary>The marketplace's API root, e.g. <c>https://sellingpartnerapi-eu.amazon.com/</c>; optional.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// The marketplace account the connection calls as, e.g. <c>"shopify:my-shop.myshopify.com"</c>. Clients with the
    /// same account share one rate budget. Required when <see cref="RateLimit"/> is set.
    /// </summary>
    public string? Account { get; set; }

    /// <summary>The account's documented limit; <see langword="null"/> sends without pacing.</summary>
    public RateLimitModel? RateLimit { get; set; }

    /// <summary>Retries, timeouts and the circuit breaker.</summary>
    public MarketplaceResilienceOptions Resilience { get; } = new();

    /// <summary>
    /// The connection's known secret values, removed from logged URIs and exception messages in addition to the
    /// parameters <see cref="HttpRedaction"/> recognises by name. See <see cref="SecretRedactor.ForConnectionAsync"/>.
    /// </summary>
    public SecretRedactor Redactor { get; set; } = SecretRedactor.None;
}
