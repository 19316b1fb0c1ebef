using NodaTime;

namespace Connect.Sdk.Prices;

/// <summary>The price last published successfully for an article on a connection; the delta sends only what differs from it.</summary>
/// <param name="ArticleNumber">The ERP article number.</param>
/// <param name="Price">The selling price the marketplace accepted.</param>
/// <param name="CompareAtPrice">The compare-at price it accepted with it; <see langword="null"/> when none was sent.</param>
/// <param name="SentAt">When it was accepted.</param>
public sealed record SentPrice(string ArticleNumber, Money Price, Money? CompareAtPrice, Instant SentAt);
