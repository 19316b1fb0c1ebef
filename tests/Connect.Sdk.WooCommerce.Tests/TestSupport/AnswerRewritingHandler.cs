using System.Text;
using System.Text.Json.Nodes;

namespace Connect.Sdk.WooCommerce.Tests.TestSupport;

/// <summary>The transport to the fake, changing the JSON of the first matching answer, as a shop sending a payload unlike the documented one.</summary>
internal sealed class AnswerRewritingHandler(Func<HttpRequestMessage, bool> matches, Action<JsonObject> change) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _done;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!matches(request) || !response.IsSuccessStatusCode || Interlocked.Exchange(ref _done, 1) != 0)
        {
            return response;
        }

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        change(body);
        response.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return response;
    }
}
