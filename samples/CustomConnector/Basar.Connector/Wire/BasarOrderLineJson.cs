namespace Basar.Connector.Wire;

/// <summary>One line of a Basar order; <c>offerId</c> is the seller's offer the line was bought from.</summary>
internal sealed record BasarOrderLineJson(
    string LineId,
    string Title,
    int Quantity,
    string UnitPrice,
    string? OfferId = null,
    string? SellerSku = null,
    string? TaxRate = null,
    string? TaxAmount = null,
    string? Discount = null);
