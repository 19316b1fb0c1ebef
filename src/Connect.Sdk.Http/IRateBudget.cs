namespace Connect.Sdk.Http;

/// <summary>
/// The rate budget of one marketplace account, shared by every client and connection that calls the marketplace
/// as that account. Get one from <see cref="AccountBudgets"/>.
/// </summary>
public interface IRateBudget
{
    /// <summary>The model the budget was created with.</summary>
    RateLimitModel Model { get; }

    /// <summary>Waits until <paramref name="cost"/> units are available and takes them. Waiters are served in order.</summary>
    /// <param name="cost">The request's cost, at most the model's capacity.</param>
    /// <param name="cancellationToken">Stops waiting: the request leaves the queue and takes nothing from the budget.</param>
    /// <returns>Completes when the request may be sent.</returns>
    ValueTask WaitAsync(double cost, CancellationToken cancellationToken);

    /// <summary>
    /// The marketplace refused a request for its rate (429): nothing more is sent until <paramref name="retryAfter"/>
    /// has passed, or, without one, until one unit has refilled.
    /// </summary>
    /// <param name="retryAfter">The server's <c>Retry-After</c>, if it sent one.</param>
    void ReportThrottled(TimeSpan? retryAfter);

    /// <summary>The marketplace said how many units are available now (Shopify GraphQL's <c>currentlyAvailable</c>).</summary>
    /// <param name="available">The units available.</param>
    void ReportAvailable(double available);

    /// <summary>The marketplace said the sustained rate (Amazon's <c>x-amzn-RateLimit-Limit</c>); later waits use it.</summary>
    /// <param name="perSecond">Units per second.</param>
    void ReportRate(double perSecond);
}
