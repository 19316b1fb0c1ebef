using System.Globalization;
using System.Net;

namespace Connect.Sdk.Http;

/// <summary>
/// Waits for the account's rate budget before each attempt and feeds what the marketplace says back into it.
/// It sits inside the resilience handler, so a retry waits for budget like any other request.
/// </summary>
internal sealed class PacingHandler(IRateBudget budget, TimeProvider time) : DelegatingHandler
{
    private const string AmazonRateLimitHeader = "x-amzn-RateLimit-Limit";
    private const string ShopifyCallLimitHeader = "X-Shopify-Shop-Api-Call-Limit";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await budget.WaitAsync(MarketplaceRequest.CostOf(request), cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        Observe(response);
        return response;
    }

    private void Observe(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
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
