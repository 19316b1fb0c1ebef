using System.Collections.Concurrent;
using Connect.Sdk.Http;

namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// The innermost handler of the connector's client in the pacing tests: it records when, on fake time, each
/// operation's request went out, and reads each answer whole before the request counts as done.
/// </summary>
internal sealed class RecordingTransport(TimeProvider time)
{
    private readonly ConcurrentQueue<(string Operation, DateTimeOffset At)> _sent = new();

    private void Record(HttpRequestMessage request) =>
        _sent.Enqueue((request.Options.TryGetValue(MarketplaceRequest.Operation, out var operation) ? operation : "-", time.GetUtcNow()));

    public IReadOnlyList<DateTimeOffset> SentAt(string operation) =>
        _sent.Where(s => s.Operation == operation).Select(s => s.At).Order().ToArray();

    public HttpMessageHandler CreateHandler() => new Recording(this) { InnerHandler = new SocketsHttpHandler() };

    private sealed class Recording(RecordingTransport owner) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            owner.Record(request);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

            // Fake time must not move while the answer arrives: the request runs until it is read.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
    }
}
