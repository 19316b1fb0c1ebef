using System.Text;
using System.Text.Json.Nodes;
using Connect.Sdk.Http;

namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// A transport that changes the fake's successful answers to one operation, as Amazon sending a payload with a
/// documented field missing or null; <paramref name="pathContains"/> narrows it to one order's requests.
/// </summary>
internal sealed class AnswerRewritingTransport(string operation, Action<JsonObject> change, string pathContains = "") : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!request.Options.TryGetValue(MarketplaceRequest.Operation, out var name) || name != operation
            || request.RequestUri?.AbsolutePath.Contains(pathContains, StringComparison.Ordinal) != true || !response.IsSuccessStatusCode)
        {
            return response;
        }

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))!.AsObject();
        change(body);
        response.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return response;
    }
}
