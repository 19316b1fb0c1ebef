using Connect.Sdk.Prices;
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

    [Fact]
    public async Task RulesCurrencyCheck_CorrectConnector_RefusesEveryRecordAndTheFakeKeepsItsPrices()
    {
        var kit = new InProcessConnectorConformanceTests();
        await kit.InitializeAsync();
        try
        {
            await kit.PricePush_RulesInAnotherCurrencyThanTheMarketplace_EveryRecordRefused();

            // 11.00 and 12.00 net at 19 % from the first sync, not the 51.00 and 52.00 the rules in USD asked for.
            Assert.Equal(13.09m, kit.Market.PriceOf(new ForeignNumbers.ForeignNumber(InProcessConnector.Label, "SKU-1"))?.Price.Amount);
            Assert.Equal(14.28m, kit.Market.PriceOf(new ForeignNumbers.ForeignNumber(InProcessConnector.Label, "SKU-2"))?.Price.Amount);
        }
        finally
        {
            await kit.DisposeAsync();
        }
    }

    [Fact]
    public async Task BasisCheck_FakeWithoutBasis_ReturnsWithoutAskingTheFake()
    {
        // The shipped adapters' fakes say nothing of a basis until their connectors refuse one: the check waits for them.
        var kit = new InProcessConnectorConformanceTests(ConnectorFlaw.IgnoresBasis) { MarketBasis = null };
        await kit.InitializeAsync();
        try
        {
            await kit.PricePush_RulesOnTheOtherBasis_EveryRecordRefused();

            Assert.Empty(kit.Market.Requests);
        }
        finally
        {
            await kit.DisposeAsync();
        }
    }

    [Fact]
    public async Task BasisCheck_MarketplaceTakesNetPrices_SyncsNetAndRefusesGross()
    {
        var kit = new InProcessConnectorConformanceTests { MarketBasis = PriceBasis.Net };
        await kit.InitializeAsync();
        try
        {
            await kit.PricePush_RulesOnTheOtherBasis_EveryRecordRefused();

            // The first sync ran on the fake's basis: 11.00 net as it is, not 13.09 gross.
            Assert.Equal(11.00m, kit.Market.PriceOf(new ForeignNumbers.ForeignNumber(InProcessConnector.Label, "SKU-1"))?.Price.Amount);
        }
        finally
        {
            await kit.DisposeAsync();
        }
    }
}
