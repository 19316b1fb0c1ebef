using System.Collections.Concurrent;
using System.Net;
using Connect.Sdk.Testing.Time;

namespace Connect.Sdk.Http.Tests.TestDoubles;

/// <summary>
/// The primary handler of a client under test: answers each request with the next planned response (or 200 once the
/// plan is used up) and records when, on fake time, each request arrived.
/// </summary>
internal sealed class StubMarketplace(WaitAwareFakeTime time) : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _plan = new();
    private readonly ConcurrentQueue<(DateTimeOffset At, HttpRequestMessage Request)> _received = new();

    public IReadOnlyList<(DateTimeOffset At, HttpRequestMessage Request)> Received => [.. _received];

    public StubMarketplace Then(HttpStatusCode status, Action<HttpResponseMessage>? shape = null) =>
        Then((_, _) =>
        {
            var response = new HttpResponseMessage(status);
            shape?.Invoke(response);
            return Task.FromResult(response);
        });

    public StubMarketplace Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer)
    {
        _plan.Enqueue(answer);
        return this;
    }

    /// <summary>A server that never answers until the request is cancelled.</summary>
    public StubMarketplace ThenHang() =>
        Then(async (_, cancellationToken) =>
        {
            // No captured context: cancellation must flow back inline while the test advances fake time.
            await time.HangAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException("unreachable");
        });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _received.Enqueue((time.GetUtcNow(), request));
        return _plan.TryDequeue(out var answer)
            ? answer(request, cancellationToken)
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request });
    }
}
