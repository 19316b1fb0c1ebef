namespace Connect.Sdk.Amazon;

/// <summary>
/// The three Selling Partner API regions and their documented endpoints: <c>na</c> (North America and Brazil),
/// <c>eu</c> (Europe, the Middle East, India and Africa) and <c>fe</c> (Far East: Japan, Australia, Singapore).
/// </summary>
public static class AmazonRegion
{
    /// <summary>North America: <c>https://sellingpartnerapi-na.amazon.com/</c>.</summary>
    public const string NorthAmerica = "na";

    /// <summary>Europe: <c>https://sellingpartnerapi-eu.amazon.com/</c>.</summary>
    public const string Europe = "eu";

    /// <summary>Far East: <c>https://sellingpartnerapi-fe.amazon.com/</c>.</summary>
    public const string FarEast = "fe";

    /// <summary>The Login with Amazon token endpoint, the same for every region.</summary>
    public static Uri LwaTokenEndpoint { get; } = new("https://api.amazon.com/auth/o2/token");

    /// <summary>The region codes the <c>region</c> setting accepts.</summary>
    public static IReadOnlyList<string> All { get; } = [NorthAmerica, Europe, FarEast];

    /// <summary>The SP-API endpoint of a region.</summary>
    /// <param name="region">A region code, <c>na</c>, <c>eu</c> or <c>fe</c> (any case).</param>
    /// <returns>The endpoint, with a trailing slash.</returns>
    /// <exception cref="ArgumentException">The code is none of the three.</exception>
    public static Uri EndpointOf(string region) => TryGetEndpoint(region, out var endpoint)
        ? endpoint
        : throw new ArgumentException($"'{region}' is not an SP-API region; use one of {string.Join(", ", All)}.", nameof(region));

    /// <summary>Looks up the SP-API endpoint of a region.</summary>
    /// <param name="region">A region code (any case).</param>
    /// <param name="endpoint">The endpoint, when the code is known.</param>
    /// <returns>Whether the code is known.</returns>
    public static bool TryGetEndpoint(string? region, out Uri endpoint)
    {
        endpoint = region?.Trim().ToLowerInvariant() switch
        {
            NorthAmerica => new Uri("https://sellingpartnerapi-na.amazon.com/"),
            Europe => new Uri("https://sellingpartnerapi-eu.amazon.com/"),
            FarEast => new Uri("https://sellingpartnerapi-fe.amazon.com/"),
            _ => null!,
        };
        return endpoint is not null;
    }
}
