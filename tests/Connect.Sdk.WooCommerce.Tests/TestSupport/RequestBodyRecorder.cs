using System.Collections.Concurrent;

namespace Connect.Sdk.WooCommerce.Tests.TestSupport;

/// <summary>The transport to the fake, keeping the body of every request that has one, as the shop received it.</summary>
internal sealed class RequestBodyRecorder() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<(string Path, string Body)> _bodies = new();

    /// <summary>The bodies sent to paths ending in <paramref name="pathEnd"/>, oldest first.</summary>
    public IReadOnlyList<string> SentTo(string pathEnd) => [.. _bodies.Where(b => b.Path.EndsWith(pathEnd, StringComparison.Ordinal)).Select(b => b.Body)];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            _bodies.Enqueue((request.RequestUri!.AbsolutePath, await content.ReadAsStringAsync(cancellationToken)));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
