using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Connect.Sdk.Testing.RateLimits;
using Connect.Sdk.Testing.Time;

namespace Connect.Sdk.Http.Tests.TestDoubles;

/// <summary>
/// A marketplace as its rate limit sees the client, on fake time: each request arrives some time after it was sent
/// (the first ones later: a connection is set up), is counted by a token bucket on arrival, which throws refill away
/// while full, and is answered a moment later, with 429 and a <c>Retry-After</c> once the bucket is empty; or its answer
/// is lost on the way back (<paramref name="answerLost"/>), after the server counted it.
/// </summary>
internal sealed class TokenBucketMarketplace(
    WaitAwareFakeTime time,
    RateLimitModel limit,
    Func<int, TimeSpan> arrivalDelay,
    TimeSpan answerDelay,
    Func<int, bool>? answerLost = null)
    : HttpMessageHandler
{
    private readonly TokenBucket _bucket = new(limit.Capacity, limit.RefillPerSecond, time);
    private readonly ConcurrentQueue<DateTimeOffset> _applied = new();
    private int _sent = -1;
    private int _throttled;

    /// <summary>When each applied request arrived.</summary>
    public IReadOnlyList<DateTimeOffset> Applied => [.. _applied];

    /// <summary>Requests refused with 429.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The server's own waits: time may move on while requests are on their way. No captured context.
        var index = Interlocked.Increment(ref _sent);
        await Task.Delay(arrivalDelay(index), time, cancellationToken).ConfigureAwait(false);
        var applied = _bucket.TryTake(1, out var retryAfter);
        if (applied)
        {
            _applied.Enqueue(time.GetUtcNow());
        }
        else
        {
            Interlocked.Increment(ref _throttled);
        }

        await Task.Delay(answerDelay, time, cancellationToken).ConfigureAwait(false);
        if (answerLost?.Invoke(index) == true)
        {
            throw new HttpRequestException("The connection was reset after the request arrived.");
        }
        var response = new HttpResponseMessage(applied ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests) { RequestMessage = request };
        if (!applied)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }
}
