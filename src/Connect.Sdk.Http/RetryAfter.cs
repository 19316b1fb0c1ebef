using System.Globalization;

namespace Connect.Sdk.Http;

/// <summary>Reads how long a server asked the client to wait from a response's <c>Retry-After</c> header.</summary>
internal static class RetryAfter
{
    /// <summary>Parses delta seconds (also Shopify's fractional "2.0") and HTTP-dates, measured on <paramref name="time"/>.</summary>
    public static TimeSpan? From(HttpResponseMessage? response, TimeProvider time)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.RetryAfter is { } typed)
        {
            if (typed.Delta is { } delta)
            {
                return delta;
            }

            if (typed.Date is { } date)
            {
                // A date already past means "now", not a negative wait.
                var wait = date - time.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        // The typed header rejects fractional seconds, which Shopify sends; the raw value is still there.
        if (response.Headers.NonValidated.TryGetValues("Retry-After", out var raw)
            && double.TryParse(raw.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return null;
    }
}
