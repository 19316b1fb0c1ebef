using System.Collections.Concurrent;
using Connect.Sdk.Http;

namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// The innermost handler of the connector's client in the pacing tests: it counts requests on the wire (fake time may
/// only move while none is) and records when, on fake time, each operation's request went out.
/// </summary>
internal sealed class RecordingTransport(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<(string Operation, DateTimeOffset At)> _sent = new();
    private int _inFlight;
    private TaskCompletionSource? _idle;

    public int InFlight => Volatile.Read(ref _inFlight);

    public IReadOnlyList<DateTimeOffset> SentAt(string operation) =>
        _sent.Where(s => s.Operation == operation).Select(s => s.At).Order().ToArray();

    public HttpMessageHandler CreateHandler() => new Counting(this) { InnerHandler = new SocketsHttpHandler() };

    /// <summary>Completes when no request is on the wire.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            if (_inFlight == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    private void Started(HttpRequestMessage request)
    {
        lock (_gate)
        {
            _inFlight++;
        }

        WaitCountingTime.LandedInCurrentFlow();

        _sent.Enqueue((request.Options.TryGetValue(MarketplaceRequest.Operation, out var operation) ? operation : "-", time.GetUtcNow()));
    }

    private void Ended()
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            if (--_inFlight == 0)
            {
                idle = _idle;
                _idle = null;
            }
        }

        idle?.TrySetResult();
    }

    private sealed class Counting(RecordingTransport owner) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            owner.Started(request);
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

                // The whole answer is read before the request counts as done: fake time must not move while it arrives.
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                return response;
            }
            finally
            {
                owner.Ended();
            }
        }
    }
}
