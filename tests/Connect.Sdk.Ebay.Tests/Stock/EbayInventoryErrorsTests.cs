using Connect.Sdk.Ebay.Inventory;
using Connect.Sdk.Ebay.Wire;

namespace Connect.Sdk.Ebay.Tests.Stock;

/// <summary>An offer eBay no longer has is recognised by its error id, whatever the message says.</summary>
public sealed class EbayInventoryErrorsTests
{
    [Fact]
    public void NamesAnOfferNotAvailable_Id25713InAnotherWording_IsRecognised() =>
        Assert.True(EbayInventoryErrors.NamesAnOfferNotAvailable([Error(25713, "Dieses Angebot ist nicht verfügbar.")]));

    [Fact]
    public void NamesAnOfferNotAvailable_TheEnglishWordingUnderAnotherId_IsNotRecognised() =>
        Assert.False(EbayInventoryErrors.NamesAnOfferNotAvailable([Error(25709, "This Offer is not available.")]));

    private static EbayErrorJson Error(int id, string message) => new(id, "API_INVENTORY", "REQUEST", message, null, null);
}
