using Connect.Sdk.Shipments;

namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <summary>A fulfillment a client created on a Shopify fake order, with its tracking info and the line items it ships.</summary>
/// <remarks>
/// <see cref="OtherNumbers"/> (and <see cref="OtherUrls"/>) are the tracking numbers given beyond the first, in
/// <c>trackingInfo.numbers</c>; each shows as one more <c>trackingInfo</c> entry. <see cref="LineIds"/> are the fulfillment line items' ids, one for each of <see cref="Lines"/>;
/// <see cref="FulfillmentOrderIds"/> the fulfillment orders it shipped from, whose <c>fulfillments</c> show it.
/// </remarks>
internal sealed record ShopifyFulfillment(
    long Id,
    string? TrackingNumber,
    string? Company,
    string? Url,
    IReadOnlyList<ShippedLine> Lines,
    IReadOnlyList<long> LineIds,
    IReadOnlyList<long> FulfillmentOrderIds)
{
    public IReadOnlyList<string> OtherNumbers { get; init; } = [];

    public IReadOnlyList<string?> OtherUrls { get; init; } = [];
}
