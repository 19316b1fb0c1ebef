using Connect.Sdk.Testing.Conformance;
using Connect.Sdk.Testing.Tests.Conformance.InProcess;

namespace Connect.Sdk.Testing.Tests.Conformance;

/// <summary>The kit's price checks: what they need of a fake, and that they pass a correct connector on their own.</summary>
public sealed class PriceChecksTests
{
    [Fact]
    public async Task PriceChecks_FakeIsNotAPriceFake_FailSayingTheFakeMustImplementIPriceFake()
    {
        var kit = new InProcessConnectorConformanceTests { FakeWithoutPrices = true };
        await kit.InitializeAsync();
        try
        {
            var failure = await Assert.ThrowsAsync<ConformanceException>(kit.PricePush_MappedArticlesAndVariants_ReachTheFakeWithCompareAt);

            Assert.Contains("the connector declares the price feature, but its fake (PricelessMarketplace) does not implement IPriceFake", failure.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await kit.DisposeAsync();
        }
    }

    [Fact]
    public async Task CurrencyCheck_CorrectConnector_PassesAndTheRefusalIsJournaled()
    {
        var kit = new InProcessConnectorConformanceTests();
        await kit.InitializeAsync();
        try
        {
            await kit.PricePush_ErpPriceInAnotherCurrency_RefusedAndTheFakeKeepsItsPrice();

            Assert.Equal(13.09m, kit.Market.PriceOf(new ForeignNumbers.ForeignNumber(InProcessConnector.Label, "SKU-1"))?.Price.Amount);
        }
        finally
        {
            await kit.DisposeAsync();
        }
    }
}
