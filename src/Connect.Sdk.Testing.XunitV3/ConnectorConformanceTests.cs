using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Testing.Conformance;
using Xunit;

namespace Connect.Sdk.Testing.XunitV3;

/// <summary>
/// The conformance kit for xUnit v3: derive a test class from it in the connector's test project, supply the connector,
/// its fake marketplace and the settings of a connection pointed at the fake, and every check of
/// <see cref="ConnectorConformanceKit"/> runs as a test (a fresh instance each, prepared and ended through
/// <see cref="IAsyncLifetime"/>). The members to supply are the kit's, as for xUnit v2.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class ConnectorConformanceTests : ConnectorConformanceKit, IAsyncLifetime
{
    /// <inheritdoc />
    ValueTask IAsyncLifetime.InitializeAsync() => new(InitializeAsync());

    /// <inheritdoc />
    [Fact]
    public override Task ConnectionCheck_ValidCredentials_Passes() => base.ConnectionCheck_ValidCredentials_Passes();

    /// <inheritdoc />
    [Fact]
    public override Task ConnectionCheck_BadSecret_FailsWithMessage() => base.ConnectionCheck_BadSecret_FailsWithMessage();

    /// <inheritdoc />
    [Fact]
    public override Task StockPush_MappedArticles_ReachTheFake() => base.StockPush_MappedArticles_ReachTheFake();

    /// <inheritdoc />
    [Fact]
    public override Task PricePush_MappedArticlesAndVariants_ReachTheFakeWithCompareAt() => base.PricePush_MappedArticlesAndVariants_ReachTheFakeWithCompareAt();

    /// <inheritdoc />
    [Fact]
    public override Task PricePush_ErpPriceInAnotherCurrency_RefusedAndTheFakeKeepsItsPrice() => base.PricePush_ErpPriceInAnotherCurrency_RefusedAndTheFakeKeepsItsPrice();

    /// <inheritdoc />
    [Fact]
    public override Task PricePush_TooManyRequestsAndServerErrors_EveryPriceRight() => base.PricePush_TooManyRequestsAndServerErrors_EveryPriceRight();

    /// <inheritdoc />
    [Fact]
    public override Task PricePush_RulesInAnotherCurrencyThanTheMarketplace_EveryRecordRefused() => base.PricePush_RulesInAnotherCurrencyThanTheMarketplace_EveryRecordRefused();

    /// <inheritdoc />
    [Fact]
    public override Task PricePush_RulesOnTheOtherBasis_EveryRecordRefused() => base.PricePush_RulesOnTheOtherBasis_EveryRecordRefused();

    /// <inheritdoc />
    [Fact]
    public override Task PricePush_DemoAndTestPhase_SendOnlyWhatTheyAllow() => base.PricePush_DemoAndTestPhase_SendOnlyWhatTheyAllow();

    /// <inheritdoc />
    [Fact]
    public override Task OrderImport_FullyPopulatedOrder_ArrivesWithEveryField() => base.OrderImport_FullyPopulatedOrder_ArrivesWithEveryField();

    /// <inheritdoc />
    [Fact]
    public override Task OrderImport_RunAgain_ImportsNothingTwice() => base.OrderImport_RunAgain_ImportsNothingTwice();

    /// <inheritdoc />
    [Fact]
    public override Task OrderImport_ManyPages_EveryOrderArrivesOnce() => base.OrderImport_ManyPages_EveryOrderArrivesOnce();

    /// <inheritdoc />
    [Fact]
    public override Task StatusExport_PartialShipments_ReachTheFake() => base.StatusExport_PartialShipments_ReachTheFake();

    /// <inheritdoc />
    [Fact]
    public override Task OrderImport_TooManyRequestsAndServerErrors_EveryOrderOnce() => base.OrderImport_TooManyRequestsAndServerErrors_EveryOrderOnce();

    /// <inheritdoc />
    [Fact]
    public override Task StockPush_TooManyRequestsAndServerErrors_EveryLevelRight() => base.StockPush_TooManyRequestsAndServerErrors_EveryLevelRight();

    /// <inheritdoc />
    [Fact]
    public override Task OrderImport_MalformedPayload_JournaledAsFailure() => base.OrderImport_MalformedPayload_JournaledAsFailure();

    /// <inheritdoc />
    [Fact]
    public override Task Cancellation_CancelledToken_StopsWithoutWriting() => base.Cancellation_CancelledToken_StopsWithoutWriting();

    /// <inheritdoc />
    [Fact]
    public override Task Secrets_EveryOperation_NeverInLogsOrJournal() => base.Secrets_EveryOperation_NeverInLogsOrJournal();
}
