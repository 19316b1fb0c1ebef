using NodaTime;

namespace Connect.Sdk.Stock;

/// <summary>The quantity last published successfully for an article on a connection; the delta sends only what differs from it.</summary>
/// <param name="ArticleNumber">The ERP article number.</param>
/// <param name="Quantity">The quantity the marketplace accepted.</param>
/// <param name="SentAt">When it was accepted.</param>
public sealed record SentStock(string ArticleNumber, int Quantity, Instant SentAt);
