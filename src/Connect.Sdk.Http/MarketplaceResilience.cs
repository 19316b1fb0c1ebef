using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Connect.Sdk.Http;

/// <summary>
/// Builds the resilience pipeline every marketplace client shares, on Polly v8: retries with exponential back-off
/// and jitter on 5xx, 408, 429, timeouts and network errors (writes only when safe to send twice, or refused with 429),
/// honouring <c>Retry-After</c>; a circuit breaker that
/// ignores 429; and a per-attempt timeout. All waits run on the given <see cref="TimeProvider"/>.
/// </summary>
public static class MarketplaceResilience
{
    /// <summary>
    /// Adds the strategies, outermost first: retry, circuit breaker, attempt timeout. The total timeout is not a
    /// Polly strategy, because <c>Retry-After</c> must be able to extend it; clients made by
    /// <c>AddMarketplaceHttpClient</c> get it from a handler outside this pipeline.
    /// </summary>
    /// <param name="builder">The pipeline builder, e.g. the one <c>AddResilienceHandler</c> passes.</param>
    /// <param name="options">The settings.</param>
    /// <param name="time">The clock every wait runs on.</param>
    /// <returns>The builder.</returns>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddMarketplaceResilience(
        this ResiliencePipelineBuilder<HttpResponseMessage> builder,
        MarketplaceResilienceOptions options,
        TimeProvider time) => builder.AddMarketplaceResilience(options, time, withAttemptTimeout: true);

    /// <summary>
    /// The pipeline, optionally without the attempt timeout: clients made by <c>AddMarketplaceHttpClient</c> time each
    /// attempt inside pacing instead (<see cref="AttemptTimeoutHandler"/>), so a wait for budget is not an attempt's time.
    /// </summary>
    internal static ResiliencePipelineBuilder<HttpResponseMessage> AddMarketplaceResilience(
        this ResiliencePipelineBuilder<HttpResponseMessage> builder,
        MarketplaceResilienceOptions options,
        TimeProvider time,
        bool withAttemptTimeout)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.Problems().FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        builder.TimeProvider = time;
        builder
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, time)),
                DelayGenerator = args => ValueTask.FromResult(ServerRequestedDelay(args.Outcome, args.Context, time)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,

                // 429 means "slow down", not "broken": pacing reacts to it, the breaker must not stop all traffic.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests
                    && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
            });
        return withAttemptTimeout
            ? builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout })
            : builder;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, MarketplaceResilienceOptions options, TimeProvider time)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        // A 429 means the marketplace processed nothing, so even a write that must not be sent twice is safe to send
        // again; the retry waits for the account's budget, which the 429 paused, like any paced request.
        var request = context.GetRequestMessage() ?? outcome.Result?.RequestMessage;
        var refusedUnprocessed = outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests;
        if (request is null || !(refusedUnprocessed || MarketplaceRequest.IsRetriable(request)))
        {
            return false;
        }

        // A wait longer than we are willing to hold the caller for: hand the response back instead.
        return RetryAfter.From(outcome.Result, time) is not { } wait || wait <= options.MaxRetryAfter;
    }

    private static TimeSpan? ServerRequestedDelay(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeProvider time)
    {
        if (RetryAfter.From(outcome.Result, time) is not { } wait)
        {
            return null; // Polly's exponential back-off with jitter.
        }

        if (context.GetRequestMessage() is { } request && request.Options.TryGetValue(TotalTimeout.Key, out var deadline))
        {
            deadline.Extend(wait);
        }

        return wait;
    }
}
