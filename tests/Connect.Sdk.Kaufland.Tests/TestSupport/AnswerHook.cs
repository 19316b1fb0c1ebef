using Microsoft.Extensions.Http;

namespace Connect.Sdk.Kaufland.Tests.TestSupport;

/// <summary>
/// Runs a step after the connector got an answer, outside its retries: how a test changes the fake between two requests
/// of one import, as a buyer or Kaufland would while the connector reads.
/// </summary>
/// <param name="afterAnswer">Gets each request's path and query once its answer is in.</param>
internal sealed class AnswerHook(Action<string> afterAnswer) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        builder.AdditionalHandlers.Insert(0, new Step(afterAnswer));
    };

    private sealed class Step(Action<string> afterAnswer) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var answer = await base.SendAsync(request, cancellationToken);
            afterAnswer(request.RequestUri?.PathAndQuery ?? string.Empty);
            return answer;
        }
    }
}
