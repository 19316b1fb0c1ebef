using System.Net;
using System.Text;

namespace Connect.Sdk.Shopware.Tests.TestSupport;

/// <summary>
/// A proxy in front of the shop that refuses the order search for one page while armed, as a run broken off after the
/// pages before it (a 400 is not retried, so the run fails at once on the host's fake time).
/// </summary>
internal sealed class BrokenOrderPageHandler(int page) : DelegatingHandler
{
    /// <summary>Whether the page is refused yet; off while the connection is set up.</summary>
    public bool Armed { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        if (!Armed || request.RequestUri?.AbsolutePath.EndsWith("/search/order", StringComparison.Ordinal) != true || !body.Contains($"\"page\":{page},", StringComparison.Ordinal))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        return new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("""{"errors":[{"status":"400","code":"TEST__BROKEN_PAGE","title":"Bad Request","detail":"The test broke this page."}]}""", Encoding.UTF8, "application/json"),
        };
    }
}
