namespace Basar.Connector.Wire;

/// <summary>One line of a Basar order; <c>offerId</c> is the seller's offer the line was bought from.</summary>
internal sealed record BasarOrderLineJson(
    string LineId,
    string? OfferId,
    string? SellerSku,
    string Title,
    int Quantity,
    string UnitPrice,
    string? TaxRate,
    string? TaxAmount,
    string? Discount);
