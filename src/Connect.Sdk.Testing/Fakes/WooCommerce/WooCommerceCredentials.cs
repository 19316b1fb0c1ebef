namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <summary>A WooCommerce REST API key: the consumer key (<c>ck_…</c>) and its secret (<c>cs_…</c>).</summary>
/// <param name="ConsumerKey">The consumer key.</param>
/// <param name="ConsumerSecret">The consumer secret; never printed.</param>
public sealed record WooCommerceCredentials(string ConsumerKey, string ConsumerSecret)
{
    /// <summary>The key with its secret masked, so a failing test's output never shows the secret.</summary>
    /// <returns>For example <c>ck_1234 / ***</c>.</returns>
    public override string ToString() => $"{ConsumerKey} / ***";
}
