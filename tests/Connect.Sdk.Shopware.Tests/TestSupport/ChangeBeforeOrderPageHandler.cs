namespace Connect.Sdk.Shopware.Tests.TestSupport;

/// <summary>
/// Plays a change in the shop while the connector reads: once armed, the order search for <paramref name="page"/> first
/// runs <paramref name="change"/> (the shop owner editing orders between two pages), then goes to the shop.
/// </summary>
/// <param name="page">The page number of the search the change comes before.</param>
/// <param name="change">What happens in the shop before that page is answered.</param>
internal sealed class ChangeBeforeOrderPageHandler(int page, Action change) : DelegatingHandler
{
    /// <summary>Whether the change is due yet; off while the connection is set up, and again once it has happened.</summary>
    public bool Armed { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        if (Armed && request.RequestUri?.AbsolutePath.EndsWith("/search/order", StringComparison.Ordinal) == true && body.Contains($"\"page\":{page},", StringComparison.Ordinal))
        {
            Armed = false;
            change();
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
