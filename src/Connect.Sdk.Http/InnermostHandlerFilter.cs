using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Connect.Sdk.Http;

/// <summary>
/// Puts <see cref="TransportRedactionHandler"/> last in a marketplace client's chain, after the handlers an adapter
/// adds itself: a filter runs after every <c>AddHttpMessageHandler</c>, whenever it was called.
/// </summary>
internal sealed class InnermostHandlerFilter(string client, IOptionsMonitor<MarketplaceHttpClientOptions> options) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (string.Equals(builder.Name, client, StringComparison.Ordinal))
        {
            builder.AdditionalHandlers.Add(new TransportRedactionHandler(options.Get(client).Redactor));
        }
    };
}
