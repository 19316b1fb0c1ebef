using System.Collections.Concurrent;
using Connect.Sdk.Http;

namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>The innermost handler of the connector's client that notes the headers of each request as it went out.</summary>
internal sealed class HeaderRecordingTransport() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<SentRequest> _sent = new();

    /// <summary>The requests sent, in order.</summary>
    public IReadOnlyList<SentRequest> Sent => [.. _sent];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _sent.Enqueue(new SentRequest(
            request.Options.TryGetValue(MarketplaceRequest.Operation, out var operation) ? operation : "-",
            request.Content?.Headers.ContentType?.MediaType,
            string.Join(", ", request.Headers.Accept),
            request.Headers.Contains("x-amz-access-token")));
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>One request's operation and the headers the tests look at.</summary>
    public sealed record SentRequest(string Operation, string? ContentType, string Accept, bool HasAccessToken);
}
