using Connect.Sdk.Testing.Conformance;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.Testing.Tests.Conformance.InProcess;

namespace Connect.Sdk.Testing.Tests.Conformance;

/// <summary>
/// Proves that the conformance kit fails a broken connector for the right reason: each test runs the one kit check a
/// <see cref="ConnectorFlaw"/> breaks and asserts that the failure message names the problem.
/// </summary>
public sealed class BrokenConnectorTests
{
    [Fact]
    public Task ManyPagesCheck_ConnectorReadsFirstPageOnly_FailsNamingTheMissingOrders() =>
        AssertKitFailsAsync(ConnectorFlaw.IgnoresPagination, kit => kit.OrderImport_ManyPages_EveryOrderArrivesOnce(), "41 order(s) the fake holds never reached the ERP", "10021 (not in the journal: never read from the fake)");

    [Fact]
    public Task FullOrderCheck_ConnectorMapsLineTotalAsUnitPrice_FailsNamingBothSums() =>
        AssertKitFailsAsync(
            ConnectorFlaw.UnitPriceAsLineTotal,
            kit => kit.OrderImport_FullyPopulatedOrder_ArrivesWithEveryField(),
            "never reached the ERP",
            "the amounts mapped from marketplace order 1001 sum to lines 125.31 + shipping 4.90 + fees 0.00 + tax 0.00 = 130.21 EUR, but the marketplace states a total of 52.27 EUR");

    [Fact]
    public Task FullOrderCheck_ConnectorDropsALineField_FailsNamingTheField() =>
        AssertKitFailsAsync(ConnectorFlaw.DropsLineSku, kit => kit.OrderImport_FullyPopulatedOrder_ArrivesWithEveryField(), "Lines[0].Sku: the fake holds 'SELLER-");

    [Fact]
    public Task StockCheck_ConnectorSendsZero_FailsNamingTheLevel() =>
        AssertKitFailsAsync(ConnectorFlaw.SendsZeroStock, kit => kit.StockPush_MappedArticles_ReachTheFake(), "stock for SKU-1 on the fake is 0, expected 7");

    [Fact]
    public Task PriceCheck_ConnectorDropsTheCompareAtPrice_FailsNamingThePrice() =>
        AssertKitFailsAsync(
            ConnectorFlaw.DropsCompareAt,
            kit => kit.PricePush_MappedArticlesAndVariants_ReachTheFakeWithCompareAt(),
            "Wrong prices on the fake after the first price sync",
            "the price of SKU-1 on the fake is 13.09 EUR (no compare-at), expected 13.09 EUR (compare-at 19.04 EUR)",
            "the price of SKU-3 on the fake");

    [Fact]
    public Task PriceRecoveryCheck_ConnectorAnswersAppliedPricesFailed_FailsNamingTheRecords() =>
        AssertKitFailsAsync(
            ConnectorFlaw.ReportsAppliedPricesAsFailed,
            kit => kit.PricePush_TooManyRequestsAndServerErrors_EveryPriceRight(),
            "The fake holds the prices after 429, 503 and 500 answers",
            "but the journal does not say they were sent",
            "ART-1 (SKU-1): Failed",
            "the marketplace did not confirm the price");

    [Fact]
    public Task PriceCheck_ConnectorWarnsThoughItPublishedTheCompareAtPrice_FailsNamingTheRecords() =>
        AssertKitFailsAsync(
            ConnectorFlaw.WarnsOnEveryPrice,
            kit => kit.PricePush_MappedArticlesAndVariants_ReachTheFakeWithCompareAt(),
            "The fake holds the prices after the first price sync, but the journal does not say they were sent",
            "ART-1 (SKU-1): Warning",
            "ART-3 (SKU-3): Warning",
            "a Warning only when the marketplace has no place for its compare-at price");

    [Fact]
    public Task RulesCurrencyCheck_ConnectorRewritesTheCurrency_FailsNamingTheRecords() =>
        AssertKitFailsAsync(
            ConnectorFlaw.RewritesCurrency,
            kit => kit.PricePush_RulesInAnotherCurrencyThanTheMarketplace_EveryRecordRefused(),
            "the rules sell in USD, but the fake's marketplace sells in EUR",
            "the connector must refuse every price",
            "ART-1 (SKU-1): Succeeded",
            "ART-2 (SKU-2): Succeeded");

    [Fact]
    public Task BasisCheck_ConnectorIgnoresTheShopsBasis_FailsNamingTheRecords() =>
        AssertKitFailsAsync(
            ConnectorFlaw.IgnoresBasis,
            kit => kit.PricePush_RulesOnTheOtherBasis_EveryRecordRefused(),
            "the rules publish net (VAT excluded) prices, but the fake's marketplace takes them gross (VAT included)",
            "ART-1 (SKU-1): Succeeded",
            "ART-2 (SKU-2): Succeeded");

    [Fact]
    public async Task PriceChecks_ConnectorWarnsThatItLeftTheCompareAtPriceOut_Pass()
    {
        // A marketplace without a struck-through price (Amazon) publishes the price alone; saying so on the record is
        // what separates that from DropsCompareAt above.
        await RunAsync(ConnectorFlaw.WarnsCompareAtAway, kit => kit.PricePush_MappedArticlesAndVariants_ReachTheFakeWithCompareAt());
        await RunAsync(ConnectorFlaw.WarnsCompareAtAway, kit => kit.PricePush_ErpPriceInAnotherCurrency_RefusedAndTheFakeKeepsItsPrice());
        await RunAsync(ConnectorFlaw.WarnsCompareAtAway, kit => kit.PricePush_TooManyRequestsAndServerErrors_EveryPriceRight());
        await RunAsync(ConnectorFlaw.WarnsCompareAtAway, kit => kit.PricePush_RulesInAnotherCurrencyThanTheMarketplace_EveryRecordRefused());
        await RunAsync(ConnectorFlaw.WarnsCompareAtAway, kit => kit.PricePush_RulesOnTheOtherBasis_EveryRecordRefused());
    }

    [Fact]
    public Task SecretsCheck_ConnectorLogsTheToken_FailsNamingTheLogLine() =>
        AssertKitFailsAsync(ConnectorFlaw.LogsToken, kit => kit.Secrets_EveryOperation_NeverInLogsOrJournal(), "appears in a log line", "Authorization: Bearer");

    [Fact]
    public Task CancellationCheck_ConnectorIgnoresTheToken_FailsNamingTheWrite() =>
        AssertKitFailsAsync(ConnectorFlaw.IgnoresCancellation, kit => kit.Cancellation_CancelledToken_StopsWithoutWriting(), "PushStockAsync was called with a cancelled token and still wrote: stock for SKU-1 on the fake is 7, expected it to stay 3");

    [Fact]
    public Task MalformedCheck_ConnectorTakesBrokenPayloadForEmptyPage_FailsNamingTheFault() =>
        AssertKitFailsAsync(ConnectorFlaw.TakesMalformedAsEmpty, kit => kit.OrderImport_MalformedPayload_JournaledAsFailure(), "with MalformedJson", "no run failed and no order is Failed in the journal");

    [Fact]
    public Task RecoveryCheck_ConnectorSkipsFailedPagesWithoutRetry_FailsNamingTheLostOrders() =>
        AssertKitFailsAsync(ConnectorFlaw.SkipsFailedPages, kit => kit.OrderImport_TooManyRequestsAndServerErrors_EveryOrderOnce(), "never reached the ERP after 429, 503 and 500 answers");

    [Fact]
    public Task BadSecretCheck_ConnectorAcceptsAnyToken_FailsSayingCredentialsAreNotVerified() =>
        AssertKitFailsAsync(ConnectorFlaw.AcceptsAnyToken, kit => kit.ConnectionCheck_BadSecret_FailsWithMessage(), "passed with the bad secret", "does not verify the credentials");

    [Fact]
    public Task BadSecretCheck_ConnectorRefusesWithoutAsking_FailsSayingNoRequestReachedTheFake() =>
        AssertKitFailsAsync(ConnectorFlaw.RefusesWithoutAsking, kit => kit.ConnectionCheck_BadSecret_FailsWithMessage(), "no request reached the fake", "must ask the marketplace to verify the credentials");

    [Fact]
    public async Task BadSecretCheck_CheckFailsOnServerErrorsAlone_FailsSayingTheFakeRefusedNoRequest()
    {
        // The marketplace answers the check with 500s: the check fails, requests reached the fake, yet nothing
        // judged the secret.
        var kit = new InProcessConnectorConformanceTests();
        var failure = await Assert.ThrowsAsync<ConformanceException>(() => RunAsync(kit, k =>
        {
            kit.Market.Faults.Next(FaultKind.ServerError, InProcessConnector.Attempts, "auth.check");
            return k.ConnectionCheck_BadSecret_FailsWithMessage();
        }));

        Assert.Contains("the fake refused none of its requests (auth.check 500, auth.check 500, auth.check 500)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("proves nothing about the secret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task FullOrderCheck_ConnectorRenumbersLines_FailsNamingTheLineIdRule() =>
        AssertKitFailsAsync(
            ConnectorFlaw.RenumbersLines,
            kit => kit.OrderImport_FullyPopulatedOrder_ArrivesWithEveryField(),
            "Kit rule: the line ids of the orders the kit seeds are digits",
            "the fake keeps each seeded line id",
            "was seeded with line ids [100101, 100102], but reached the ERP with [1, 2]");

    [Fact]
    public Task PartialShipmentsCheck_ConnectorResendsShipments_FailsNamingTheDuplicate() =>
        AssertKitFailsAsync(ConnectorFlaw.ResendsShipments, kit => kit.StatusExport_PartialShipments_ReachTheFake(), "after the second parcel", "tracking number TRACK-0001 2 time(s), expected once");

    [Fact]
    public Task StockRecoveryCheck_ConnectorReportsFailedCallAsSent_FailsNamingTheStaleLevels() =>
        AssertKitFailsAsync(ConnectorFlaw.ReportsFailedStockAsSent, kit => kit.StockPush_TooManyRequestsAndServerErrors_EveryLevelRight(), "Wrong stock on the fake after 429, 503 and 500 answers", "stock for SKU-1 on the fake is");

    [Fact]
    public async Task OtherChecks_ConnectorWithOneFlaw_StillPass()
    {
        // A flaw fails its own check only: the kit's messages point at the one thing that is wrong.
        await RunAsync(ConnectorFlaw.IgnoresPagination, kit => kit.OrderImport_FullyPopulatedOrder_ArrivesWithEveryField());
        await RunAsync(ConnectorFlaw.SendsZeroStock, kit => kit.OrderImport_ManyPages_EveryOrderArrivesOnce());
        await RunAsync(ConnectorFlaw.UnitPriceAsLineTotal, kit => kit.StockPush_MappedArticles_ReachTheFake());
    }

    [Fact]
    public async Task FullOrderCheck_WrongFieldListedAsIgnored_Passes()
    {
        // What a marketplace cannot carry is tolerated only through IgnoredOrderFields, line fields as "Lines[].Name".
        var kit = new InProcessConnectorConformanceTests(ConnectorFlaw.DropsLineSku, "Lines[].Sku");

        await RunAsync(kit, k => k.OrderImport_FullyPopulatedOrder_ArrivesWithEveryField());
    }

    [Fact]
    public async Task FullOrderCheck_WrongMoneyListedAsIgnored_StillFailsOnTheTotal()
    {
        // Ignoring a field does not get money booked wrong past the SDK's totals check.
        var kit = new InProcessConnectorConformanceTests(ConnectorFlaw.UnitPriceAsLineTotal, "Lines[].UnitPrice");

        var failure = await Assert.ThrowsAsync<ConformanceException>(() => RunAsync(kit, k => k.OrderImport_FullyPopulatedOrder_ArrivesWithEveryField()));

        Assert.Contains("but the marketplace states a total of 52.27 EUR", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_ConnectorRegisteredInConfigureServices_IsBuiltOnTheKitsTimeAndLog()
    {
        var kit = new InProcessConnectorConformanceTests();
        await kit.InitializeAsync();
        try
        {
            // The connector came from the services, which run on the kit's fake time: the one the host drives.
            Assert.Same(kit.KitTime, kit.ConnectorTime);
            await kit.ConnectionCheck_ValidCredentials_Passes();
        }
        finally
        {
            await kit.DisposeAsync();
        }
    }

    private static async Task AssertKitFailsAsync(ConnectorFlaw flaw, Func<ConnectorConformanceTests, Task> check, params string[] expectedInMessage)
    {
        var failure = await Assert.ThrowsAsync<ConformanceException>(() => RunAsync(flaw, check));
        foreach (var expected in expectedInMessage)
        {
            Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        }
    }

    private static Task RunAsync(ConnectorFlaw flaw, Func<ConnectorConformanceTests, Task> check) =>
        RunAsync(new InProcessConnectorConformanceTests(flaw), check);

    private static async Task RunAsync(ConnectorConformanceTests kit, Func<ConnectorConformanceTests, Task> check)
    {
        await kit.InitializeAsync();
        try
        {
            await check(kit);
        }
        finally
        {
            await kit.DisposeAsync();
        }
    }
}
