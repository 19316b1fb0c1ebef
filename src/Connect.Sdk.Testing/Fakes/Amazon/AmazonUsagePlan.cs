using System.Globalization;

namespace Connect.Sdk.Testing.Fakes.Amazon;

/// <summary>
/// The usage plan of one Selling Partner API operation: a token bucket that refills at <paramref name="Rate"/>
/// requests per second and holds at most <paramref name="Burst"/> requests.
/// </summary>
/// <param name="Rate">Requests per second the bucket refills; what <c>x-amzn-RateLimit-Limit</c> reports.</param>
/// <param name="Burst">The most requests the bucket holds.</param>
public sealed record AmazonUsagePlan(double Rate, int Burst)
{
    /// <summary>The rate as the <c>x-amzn-RateLimit-Limit</c> header writes it, e.g. <c>0.0167</c>.</summary>
    public string Header => Rate.ToString(CultureInfo.InvariantCulture);
}
