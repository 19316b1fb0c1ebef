using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Prices;

namespace Connect.Sdk.Testing.Fakes;

/// <summary>
/// A fake marketplace that models prices, for the conformance kit's price checks. A separate interface from
/// <see cref="IMarketplaceFake"/> so that a partner's fake without prices keeps compiling; the kit asks for it only
/// when the connector declares the price feature, and fails with a clear message when the fake lacks it.
/// </summary>
public interface IPriceFake : IMarketplaceFake
{
    /// <summary>The currency the marketplace sells in on this fake (the shop's or the marketplace's currency).</summary>
    CurrencyCode Currency { get; }

    /// <summary>The price the marketplace holds for an article.</summary>
    /// <param name="foreignNumber">The article's identifier.</param>
    /// <returns>The price, or <see langword="null"/> for an unknown article or one without a price.</returns>
    FakePrice? PriceOf(ForeignNumber foreignNumber);

    /// <summary>
    /// The basis the fake's marketplace takes prices on — a shop's prices-include-tax setting — or
    /// <see langword="null"/> when the fake does not model it. When set, the kit syncs on this basis and checks that
    /// the connector refuses prices on the other one.
    /// </summary>
    PriceBasis? Basis => null;
}
