using System.Globalization;

namespace Connect.Sdk.Amazon.Http;

/// <summary>
/// Passes Amazon's <c>x-amzn-RateLimit-Limit</c> on to pacing only when it differs from the operation's documented
/// rate. Pacing re-bases the seller's budget on every reported rate, and a re-base makes every request already waiting
/// book its slot again; with Amazon repeating the same rate on every answer, requests waiting side by side would keep
/// pushing each other back. A rate Amazon really changed still reaches pacing.
/// </summary>
internal sealed class RepeatedRateLimitFilter : DelegatingHandler
{
    /// <summary>The header Amazon reports an operation's current rate in.</summary>
    public const string RateLimitHeader = "x-amzn-RateLimit-Limit";

    /// <summary>The documented rate of the request's operation, in requests per second.</summary>
    public static readonly HttpRequestOptionsKey<double> DocumentedRate = new("Connect.Sdk.Amazon.DocumentedRate");

    // Amazon writes the rate with four decimals ("0.0167"): anything closer than that is the same rate.
    private const double SameRate = 1e-6;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Options.TryGetValue(DocumentedRate, out var documented)
            && response.Headers.NonValidated.TryGetValues(RateLimitHeader, out var values)
            && double.TryParse(values.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var reported)
            && Math.Abs(reported - documented) < SameRate)
        {
            response.Headers.Remove(RateLimitHeader);
        }

        return response;
    }
}
