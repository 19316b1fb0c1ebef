using System.Net.Http.Headers;
using Connect.Sdk.Http;

namespace Connect.Sdk.Mirakl.Http;

/// <summary>
/// Puts a request on the wire as Mirakl takes it, on each attempt: the shop API key as the whole <c>Authorization</c>
/// header (no scheme), and a file import (STO01, PRI01) as <c>multipart/form-data</c> with the CSV in the part
/// <c>file</c>. The SDK's <see cref="MarketplaceCall"/> carries a text body only, so a file import's call carries the CSV
/// as its body and this handler wraps it. It runs inside pacing and retries and logs nothing.
/// </summary>
internal sealed class MiraklRequestHandler : DelegatingHandler
{
    /// <summary>The operations whose body is a file to upload.</summary>
    public static readonly IReadOnlySet<string> FileImports = new HashSet<string>(StringComparer.Ordinal) { "offers.stock.import", "offers.pricing.import" };

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(MarketplaceRequest.Secrets, out var secrets) && secrets.TryGetValue(MiraklConnector.ApiKeyKey, out var key))
        {
            // Replaced, not added: a retried request carries the header its previous attempt got.
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", key.Reveal());
        }

        if (request.Options.TryGetValue(MarketplaceRequest.Operation, out var operation) && FileImports.Contains(operation)
            && request.Content is { } content and not MultipartFormDataContent)
        {
            var csv = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var file = new StringContent(csv, System.Text.Encoding.UTF8);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "UTF-8" };
            var form = new MultipartFormDataContent();
            form.Add(file, "file", operation == "offers.stock.import" ? "stock.csv" : "prices.csv");
            request.Content = form;
            content.Dispose();
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
