using System.Text;
using System.Text.Json.Nodes;

namespace Connect.Sdk.WooCommerce.Tests.TestSupport;

/// <summary>
/// The transport to the fake, changing the JSON answers of paths ending in a given text the way a shop plugin would
/// (e.g. one that filters a product's price), for answers the fake itself never gives.
/// </summary>
internal sealed class AnswerRewriter(string pathEnd, Action<JsonNode> rewrite) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!request.RequestUri!.AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal) || !response.IsSuccessStatusCode)
        {
            return response;
        }

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        rewrite(answer);
        response.Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json");
        return response;
    }
}
