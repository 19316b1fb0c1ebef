using System.Globalization;
using System.Net;

namespace Connect.Sdk.Http;

/// <summary>
/// Waits for the account's rate budget before each attempt and feeds what the marketplace says back into it.
/// It sits inside the resilience handler, so a retry waits for budget like any other request. The budget is the
/// request's own <see cref="MarketplaceRequest.RateBudget"/> if it names one, else the client's; a request with
/// neither is sent unpaced.
/// </summary>
internal sealed class PacingHandler(AccountBudgets budgets, RateBudgetScope? clientScope, TimeSpan attemptTimeout, TimeProvider time, HttpMetrics metrics) : DelegatingHandler
{
    private const string AmazonRateLimitHeader = "x-amzn-RateLimit-Limit";
    private const string ShopifyCallLimitHeader = "X-Shopify-Shop-Api-Call-Limit";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var scope = request.Options.TryGetValue(MarketplaceRequest.RateBudget, out var own) ? own : clientScope;
        if (scope is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var budget = budgets.GetOrAdd(scope.Account, scope.Limit);
        var started = time.GetTimestamp();

        // Waiting for budget is the marketplace's limit at work, not the client's: it does not count against the total
        // timeout (as a Retry-After does not), or queued requests of a busy account would time out while paced.
        var deadline = request.Options.TryGetValue(TotalTimeout.Key, out var total) ? total : null;
        var pausedAt = deadline?.Pause();
        var cost = MarketplaceRequest.CostOf(request);
        var inFlight = budget as IInFlightRateBudget;
        try
        {
            if (inFlight is null)
            {
                await budget.WaitAsync(cost, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await inFlight.WaitToSendAsync(cost, attemptTimeout, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (pausedAt is { } at)
            {
                deadline!.Resume(at);
            }
        }

        metrics.Paced(scope.Account, time.GetElapsedTime(started));

        // The request counts against the budget until its answer is in, or until it failed or was cancelled: the server
        // may have counted it at any moment in between.
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Observe(scope.Account, budget, response);
            return response;
        }
        finally
        {
            inFlight?.Answered(cost);
        }
    }

    private void Observe(string account, IRateBudget budget, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            metrics.Throttled(account);
            budget.ReportThrottled(RetryAfter.From(response, time));
            return;
        }

        var headers = response.Headers.NonValidated;

        // Amazon sends its current rate on a best-effort basis only; its absence changes nothing.
        if (headers.TryGetValues(AmazonRateLimitHeader, out var rate)
            && double.TryParse(rate.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var perSecond))
        {
            budget.ReportRate(perSecond);
        }

        // Shopify REST: "32/40" is used/size, so 8 are available.
        if (headers.TryGetValues(ShopifyCallLimitHeader, out var callLimit)
            && callLimit.ToString().Split('/') is [var used, var size]
            && double.TryParse(used, NumberStyles.Float, CultureInfo.InvariantCulture, out var usedCalls)
            && double.TryParse(size, NumberStyles.Float, CultureInfo.InvariantCulture, out var sizeCalls))
        {
            budget.ReportAvailable(sizeCalls - usedCalls);
        }
    }
}
