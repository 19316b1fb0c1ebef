using System.Text;
using Connect.Sdk.Http;
using Connect.Sdk.Mirakl.Imports;

namespace Connect.Sdk.Mirakl.Tests.TestSupport;

/// <summary>
/// Rewrites the rows of every import error report (STO03, PRI03) the fake answers, header first, to play a report laid
/// out otherwise than the fake's: columns in another order, a row missing.
/// </summary>
/// <param name="rewrite">Makes the rows Mirakl answers from the fake's rows.</param>
internal sealed class ErrorReportRewriteHandler(Func<List<string[]>, IEnumerable<string[]>> rewrite) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!request.Options.TryGetValue(MarketplaceRequest.Operation, out var operation) || !operation.EndsWith(".errors", StringComparison.Ordinal) || !response.IsSuccessStatusCode)
        {
            return response;
        }

        var rows = OfferCsv.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var body = new StringBuilder();
        foreach (var row in rewrite(rows))
        {
            body.Append(OfferCsv.Line(row)).Append('\n');
        }

        response.Content = new StringContent(body.ToString(), Encoding.UTF8, "text/csv");
        return response;
    }
}
